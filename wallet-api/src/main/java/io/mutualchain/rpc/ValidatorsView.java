package io.mutualchain.rpc;

import io.mutualchain.core.genesis.ValidatorSet;
import java.util.Objects;
import java.util.Optional;

/**
 * The validator set in force at {@code height} (the epoch that began after block {@code epochBase}),
 * and the set governance has approved to follow it, if any, with the first height it signs.
 */
public record ValidatorsView(long height, long epochBase, ValidatorSet validators, Optional<Pending> pending) {
    public ValidatorsView {
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(pending, "pending");
    }

    /** An approved set that is not in force yet; it proposes and certifies blocks from {@code fromHeight} on. */
    public record Pending(long fromHeight, ValidatorSet validators) {
        public Pending {
            Objects.requireNonNull(validators, "validators");
        }
    }
}
