package io.mutualchain.pbft.sim;

/**
 * Thrown out of a replica's store or chain when a {@link StoreFault} strikes. It escapes the driver
 * as the daemon's failed write or read would, and the simulation then crashes the replica, as the
 * daemon halts. No stack trace: it is control flow, thrown often.
 */
final class SimFault extends RuntimeException {
    final StoreFault kind;

    SimFault(StoreFault kind) {
        super(kind.name(), null, false, false);
        this.kind = kind;
    }
}
