package io.mutualchain.pbft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
                TIMEOUT_TICKS, TIMEOUT_TICKS * 4, null, false, 0);
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

    @Test
    void aValidatorSetChangeDelaysTheFirstBlockOfTheNewEpochByAboutOneBlock() {
        // A new epoch starts at view 0 with its primary ready: no view-change timeout. The joiner, an
        // observer until then, may first have to fetch the epoch's last block (one status period).
        StringBuilder report = new StringBuilder();
        for (int n : new int[] {4, 7}) {
            SimParams p = params(n).withReconfiguration(true);
            TreeMap<Long, long[]> committed = new Simulation(p).measure(RUN_TICKS, -1);
            long k = p.k();
            assertThat(committed).as("the run passes both changes").containsKey(4 * k + 1);
            List<Long> gaps = new ArrayList<>();
            for (long h = 2; h <= committed.lastKey(); h++) {
                gaps.add(committed.get(h)[0] - committed.get(h - 1)[0]);
            }
            Collections.sort(gaps);
            long join = committed.get(2 * k + 1)[0] - committed.get(2 * k)[0];
            long leave = committed.get(4 * k + 1)[0] - committed.get(4 * k)[0];
            long median = gaps.get(gaps.size() / 2);
            String line = String.format("n=%d (a spare joins, then validator 0 leaves), K=%d: median %d ticks between blocks;"
                    + " first block of the new epoch after the join %d, after the leave %d%n", n, k, median, join, leave);
            report.append(line);
            for (long gap : new long[] {join, leave}) {
                assertThat(gap).as(line).isLessThan((long) TIMEOUT_TICKS).isLessThanOrEqualTo(2 * median + Simulation.STATUS_SYNC_TICKS + 2);
            }
        }
        System.out.print(report);
    }
}
