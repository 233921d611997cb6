package io.mutualchain.pbft;

/**
 * Test-only breakages, reachable only through the package-private
 * {@link PbftConfig#withInjectedFaults}: production code cannot switch them on. Each one is a bug
 * the simulator must catch; tests assert that it does.
 */
enum InjectedFault {
    /** Prepare and commit with one vote fewer than the quorum (2f instead of 2f + 1). */
    QUORUM_MINUS_ONE,
    /** VIEW-CHANGE messages carry no prepared certificates. */
    VIEW_CHANGE_WITHOUT_PREPARED,
    /** Persist ops are handed out one Ready later than the messages they protect. */
    PERSIST_AFTER_SEND
}
