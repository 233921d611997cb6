package io.mutualchain.pbft.drive;

/**
 * Test-only breakages of the driver, reachable only through the package-private
 * {@link ConsensusDriver#withFaults}: production code cannot switch them on. Each one is a way to get
 * the {@code Ready} contract wrong; the broken-loop tests show which of them the simulator catches.
 */
enum LoopFault {
    /** Sends a Ready's messages before writing its records. */
    SEND_BEFORE_PERSIST,
    /** Never records the signable-through bound before signed messages leave. */
    SKIP_COVER,
    /** Drops a Ready's committed blocks: advances without applying them. */
    ADVANCE_WITHOUT_APPLY
}
