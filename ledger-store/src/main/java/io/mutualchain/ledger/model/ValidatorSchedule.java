package io.mutualchain.ledger.model;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.ledger.ValidatorEpoch;
import java.util.Objects;
import java.util.Optional;

/**
 * Which validator set is in force and which one governance has approved to follow it. Kept as one
 * entry of the world state (so every node agrees on it and a light client can have it proven), not as
 * node configuration: the set that certifies block h + 1 must follow from the state after block h.
 *
 * <p>{@code pending}, when present, starts at a checkpoint height strictly above {@code current}'s
 * base; the executor makes it current at the start of block {@code pending.base + 1}.
 *
 * <p>Encoding (canonical codec): current epoch, has-pending (bool), then the pending epoch if present
 * (see {@link ValidatorEpoch} for an epoch's encoding).
 */
public record ValidatorSchedule(ValidatorEpoch current, Optional<ValidatorEpoch> pending) {
    public ValidatorSchedule {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(pending, "pending");
        if (pending.isPresent() && pending.get().base() <= current.base()) {
            throw new IllegalArgumentException("a pending epoch must start after the current one (" + pending.get().base()
                    + " is not above " + current.base() + ")");
        }
    }

    /** The schedule genesis writes: its validators from height 1, nothing pending. */
    public static ValidatorSchedule genesis(ValidatorSet validators) {
        return new ValidatorSchedule(new ValidatorEpoch(0, validators), Optional.empty());
    }

    /** The set later changes are judged against: the pending set if there is one (changes accumulate), else the current. */
    public ValidatorSet target() {
        return pending.map(ValidatorEpoch::validators).orElse(current.validators());
    }

    /** Whether the pending epoch takes over at the start of the block at {@code height}. */
    public boolean promotesAt(long height) {
        return pending.isPresent() && pending.get().base() == height - 1;
    }

    /** The pending epoch made current, nothing pending. */
    public ValidatorSchedule promoted() {
        return new ValidatorSchedule(pending.orElseThrow(() -> new IllegalStateException("no pending epoch to promote")), Optional.empty());
    }

    public ValidatorSchedule withPending(ValidatorEpoch next) {
        return new ValidatorSchedule(current, Optional.of(next));
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(256);
        current.write(w);
        w.bool(pending.isPresent());
        pending.ifPresent(p -> p.write(w));
        return w.toByteArray();
    }

    public static ValidatorSchedule decode(byte[] bytes) {
        return Decoding.strict(bytes, "validator schedule", ValidatorSchedule::read);
    }

    private static ValidatorSchedule read(CanonicalReader r) {
        ValidatorEpoch current = ValidatorEpoch.read(r, "schedule.current");
        Optional<ValidatorEpoch> pending = r.bool("schedule.hasPending") ? Optional.of(ValidatorEpoch.read(r, "schedule.pending")) : Optional.empty();
        return new ValidatorSchedule(current, pending);
    }
}
