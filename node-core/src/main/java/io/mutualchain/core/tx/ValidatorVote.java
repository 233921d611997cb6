package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A validator's vote to add a validator to the set or remove one from it. Only validators of the set
 * in force may vote; the change is carried out by the vote that brings the approvals of that set to
 * its quorum (2f + 1), and it takes effect at the next checkpoint boundary, so every node switches
 * sets at the same height. {@code salt} lets the same change be proposed again later under a new id.
 *
 * <p>Encoding after the tag: action (u8: 1 add, 2 remove), validator public key (32 bytes), name
 * (string, 1 to {@link #MAX_NAME_CHARS} characters for an add, empty for a remove), salt (uint).
 */
public record ValidatorVote(Action action, PublicKey validator, String name, long salt) implements TxPayload {
    public static final int KIND = 11;
    /** The same bound as a genesis validator's name (see {@link Validator}). */
    public static final int MAX_NAME_CHARS = 64;
    /** Four UTF-8 bytes per character at most, so a valid name always fits. */
    static final int MAX_NAME_BYTES = 4 * MAX_NAME_CHARS;
    private static final byte[] ID_TAG = "MC-VALIDATOR-PROPOSAL-V1".getBytes(StandardCharsets.US_ASCII);

    /** What a proposal does to the validator set. */
    public enum Action {
        ADD, REMOVE
    }

    public ValidatorVote {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(name, "name");
        if (salt < 0) {
            throw new IllegalArgumentException("salt cannot be negative");
        }
        if (action == Action.ADD) {
            // Validator's own constructor holds the naming rule, so a name accepted here is one the set accepts.
            new Validator(name, validator);
        } else if (!name.isEmpty()) {
            throw new IllegalArgumentException("a validator removal carries no name");
        }
    }

    public static ValidatorVote add(PublicKey validator, String name, long salt) {
        return new ValidatorVote(Action.ADD, validator, name, salt);
    }

    public static ValidatorVote remove(PublicKey validator, long salt) {
        return new ValidatorVote(Action.REMOVE, validator, "", salt);
    }

    /** The proposal's id: SHA-256("MC-VALIDATOR-PROPOSAL-V1" || fields). Votes for the same id are counted together. */
    public Hash32 proposalId() {
        CanonicalWriter w = new CanonicalWriter(64 + name.length());
        writeFields(w);
        return Sha256.hash(ID_TAG, w.toByteArray());
    }

    /** The validator an ADD brings in (name and key); for a REMOVE only the key is meaningful. */
    public Validator asValidator() {
        if (action != Action.ADD) {
            throw new IllegalStateException("only an addition names a validator");
        }
        return new Validator(name, validator);
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public String kindName() {
        return "validator-vote";
    }

    @Override
    public void writeFields(CanonicalWriter w) {
        w.u8(action.ordinal() + 1);
        validator.write(w);
        w.string(name);
        w.uint(salt);
    }

    static ValidatorVote readFields(CanonicalReader r) {
        int a = r.u8("validatorVote.action");
        if (a < 1 || a > Action.values().length) {
            throw new CodecException("validatorVote.action: unknown action " + a);
        }
        PublicKey key = PublicKey.read(r, "validatorVote.validator");
        String name = r.string("validatorVote.name", MAX_NAME_BYTES);
        long salt = r.uint("validatorVote.salt", Long.MAX_VALUE);
        try {
            return new ValidatorVote(Action.values()[a - 1], key, name, salt);
        } catch (IllegalArgumentException e) {
            throw new CodecException("validatorVote: " + e.getMessage());
        }
    }
}
