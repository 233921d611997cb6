package io.mutualchain.pbft.drive;

import java.util.OptionalLong;

/** The validator schedule as the chain knows it (the daemon's ledger governance; the simulator's fixed plan). */
public interface EpochSource {
    /** The epoch of the chain's next height and whether this node votes in it. */
    EpochPlan current();

    /**
     * The base of the epoch after the one based at {@code epochBase}, once the chain has scheduled it
     * (the engine must then stop at that height); empty while no change is scheduled.
     */
    OptionalLong scheduledEnd(long epochBase);
}
