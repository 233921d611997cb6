package io.mutualchain.ledger;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import java.util.Objects;

/**
 * A validator set and the height after which it is in force: {@code validators} signs and proposes
 * blocks {@code base + 1}, {@code base + 2}, ... until the next epoch. Genesis is epoch 0; every later
 * base is a checkpoint height (a multiple of the chain's checkpoint interval), so all nodes switch sets
 * at the same block.
 *
 * <p>Encoding (canonical codec): base (uint), validators (list of at most
 * {@link ValidatorSet#MAX_VALIDATORS}: name (string), public key (32 bytes)) in set order, which is
 * the order that fixes primary rotation.
 */
public record ValidatorEpoch(long base, ValidatorSet validators) {
    /** A validator name is at most 64 characters, so at most 256 UTF-8 bytes. */
    static final int MAX_NAME_BYTES = 256;

    public ValidatorEpoch {
        if (base < 0) {
            throw new IllegalArgumentException("an epoch's base height cannot be negative");
        }
        Objects.requireNonNull(validators, "validators");
    }

    /** The first height this epoch's set is in force at. */
    public long firstHeight() {
        return base + 1;
    }

    public void write(CanonicalWriter w) {
        w.uint(base);
        w.list(validators.validators(), (ww, v) -> {
            ww.string(v.name());
            v.publicKey().write(ww);
        });
    }

    public static ValidatorEpoch read(CanonicalReader r, String what) {
        long base = r.uint(what + ".base", Long.MAX_VALUE);
        var list = r.list(what + ".validators", ValidatorSet.MAX_VALIDATORS,
                rr -> new Validator(rr.string(what + ".name", MAX_NAME_BYTES), PublicKey.read(rr, what + ".key")));
        return new ValidatorEpoch(base, new ValidatorSet(list));
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(16 + 64 * validators.size());
        write(w);
        return w.toByteArray();
    }

    public static ValidatorEpoch decode(byte[] bytes) {
        return Decoding.strict(bytes, "validator epoch", r -> read(r, "epoch"));
    }
}
