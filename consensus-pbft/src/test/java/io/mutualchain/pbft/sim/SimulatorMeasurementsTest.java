package io.mutualchain.pbft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Throughput and view-change recovery in simulated ticks for n = 4, 7, 10, fault-free network
 * (delay 1-2 ticks), first view-change timeout 20 ticks. Prints the numbers quoted in
 * docs/consensus.md and checks them against stated bounds.
 */
class SimulatorMeasurementsTest {
    static final int TIMEOUT_TICKS = 20;
    static final long RUN_TICKS = 600;
    static final long CRASH_AT = 300;
    /** Stated bound: the timeout, one VIEW-CHANGE/NEW-VIEW round and one block, with room for a retransmission. */
    static final long RECOVERY_BOUND_TICKS = TIMEOUT_TICKS + 30;

    private static SimParams params(int n) {
        SimParams base = SimParams.fromSeed(12345).withBehaviours(Collections.nCopies(n, Behaviour.HONEST)).withFaults(0, 0, 0, 0);
        return new SimParams(base.seed(), n, 10, 20, 0, 0, 2, 0, false, 0, 0, base.behaviours(), 0, base.livenessBoundTicks(),
                TIMEOUT_TICKS, TIMEOUT_TICKS * 4, null, false);
    }

    @Test
    void commitsPerTickAndViewChangeRecoveryForFourSevenAndTenReplicas() {
        StringBuilder report = new StringBuilder();
        for (int n : new int[] {4, 7, 10}) {
            TreeMap<Long, long[]> steady = new Simulation(params(n)).measure(RUN_TICKS, -1);
            double perTick = steady.size() / (double) RUN_TICKS;

            TreeMap<Long, long[]> crashed = new Simulation(params(n)).measure(RUN_TICKS, CRASH_AT);
            long firstNewView = crashed.values().stream().filter(e -> e[1] > 0).mapToLong(e -> e[0]).min().orElse(Long.MAX_VALUE);
            long recovery = firstNewView - CRASH_AT;
            report.append(String.format("n=%d: %.3f commits/tick (%d blocks in %d ticks); primary crashed at tick %d:"
                    + " first block of the new primary committed by every live replica %d ticks later%n",
                    n, perTick, steady.size(), RUN_TICKS, CRASH_AT, recovery));
            assertThat(perTick).isGreaterThan(0.05);
            assertThat(recovery).isLessThanOrEqualTo(RECOVERY_BOUND_TICKS);
        }
        System.out.print(report);
    }
}
