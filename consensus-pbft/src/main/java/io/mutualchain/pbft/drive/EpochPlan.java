package io.mutualchain.pbft.drive;

import io.mutualchain.core.genesis.ValidatorSet;

/**
 * The validator epoch the chain's next height is in, and this node's part in it.
 *
 * @param base          the epoch's base: it orders heights {@code base + 1} onward
 * @param validators    the epoch's validator set
 * @param votes         whether this node runs an engine in it (false: it follows as an observer)
 * @param silentThrough the engine must not vote at or below this height (its records were lost); 0 when nothing was lost
 */
public record EpochPlan(long base, ValidatorSet validators, boolean votes, long silentThrough) {
    public EpochPlan {
        if (base < 0 || silentThrough < 0) {
            throw new IllegalArgumentException("epoch base and silent-through height cannot be negative");
        }
    }

    /** The first height this epoch orders. */
    public long firstHeight() {
        return base + 1;
    }
}
