package io.mutualchain.pbft.drive;

import io.mutualchain.pbft.CommittedBlock;

/** What the driver tells its owner (metrics, logs, listeners); called on the driving thread. */
public interface DriverEvents {
    /** How a block reached the chain. */
    enum How { COMMITTED, SYNCED }

    /** A block was applied: committed by this node's engine, or followed as an observer. */
    void applied(CommittedBlock block, How how);

    /** A new epoch was opened: with an engine if {@code plan.votes()}, else in observer mode. */
    void epochOpened(EpochPlan plan);

    DriverEvents NONE = new DriverEvents() {
        @Override
        public void applied(CommittedBlock block, How how) {
        }

        @Override
        public void epochOpened(EpochPlan plan) {
        }
    };
}
