package io.mutualchain.ledger;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.ledger.state.StateProof;
import java.util.Objects;
import java.util.Optional;

/**
 * The evidence that hands the chain over to the validator epoch with base {@code base}: the validator
 * schedule entry as it stood after block {@code base - 1} (which names the set in force and, as
 * pending from {@code base}, the next one) with its proof against {@code stateRoot}, the root after
 * block {@code base - 1}. Header {@code base} carries that root and is certified by the old set, so a
 * client that trusts the old set can check the header, then this proof, and then trust the new set
 * for blocks {@code base + 1} on. It exists because the node keeps only the latest state tree: the
 * proof has to be taken when that state is the latest, right after block {@code base - 1} commits.
 *
 * <p>Encoding (canonical codec): base (uint), state root (32 bytes), schedule entry (bytes, at most
 * {@link #MAX_SCHEDULE_BYTES}), proof (bytes, at most {@link #MAX_PROOF_BYTES}; see {@link StateProof}).
 */
public record EpochHandover(long base, Hash32 stateRoot, byte[] scheduleEntryValue, StateProof proof) {
    /** Two epochs of at most 100 validators with names up to 256 bytes, keys of 32: about 58 KiB at worst. */
    static final int MAX_SCHEDULE_BYTES = 64 * 1024;
    /** 256 siblings of 32 bytes plus key, bitmap and terminal: about 8.3 KiB at worst. */
    static final int MAX_PROOF_BYTES = 16 * 1024;

    public EpochHandover {
        if (base < 1) {
            throw new IllegalArgumentException("a hand-over is to an epoch after genesis, so its base is at least 1, not " + base);
        }
        Objects.requireNonNull(stateRoot, "stateRoot");
        Objects.requireNonNull(proof, "proof");
        scheduleEntryValue = scheduleEntryValue.clone();
    }

    @Override
    public byte[] scheduleEntryValue() {
        return scheduleEntryValue.clone();
    }

    /** The height whose post-state the proof is of; header {@code base} carries its root. */
    public long provenHeight() {
        return base - 1;
    }

    /** The schedule the record carries, decoded (the node's own reading; a client decodes it itself). */
    public ValidatorSchedule schedule() {
        return ValidatorSchedule.decode(scheduleEntryValue);
    }

    /** Whether the proof shows the schedule entry under {@code stateRoot}. */
    public boolean verify() {
        return proof.key().equals(StateKeys.treeKey(StateKeys.validatorsKey())) && proof.verify(stateRoot, Optional.of(scheduleEntryValue));
    }

    public byte[] encode() {
        byte[] p = proof.encode();
        CanonicalWriter w = new CanonicalWriter(64 + scheduleEntryValue.length + p.length);
        w.uint(base);
        stateRoot.write(w);
        w.bytes(scheduleEntryValue);
        w.bytes(p);
        return w.toByteArray();
    }

    public static EpochHandover decode(byte[] bytes) {
        return Decoding.strict(bytes, "epoch hand-over", EpochHandover::read);
    }

    private static EpochHandover read(CanonicalReader r) {
        long base = r.uint("handover.base", Long.MAX_VALUE);
        Hash32 root = Hash32.read(r, "handover.stateRoot");
        byte[] value = r.bytes("handover.schedule", MAX_SCHEDULE_BYTES);
        StateProof proof = StateProof.decode(r.bytes("handover.proof", MAX_PROOF_BYTES));
        return new EpochHandover(base, root, value, proof);
    }
}
