package io.mutualchain.pbft.sim;

import org.junit.jupiter.api.Test;

class DebugSeedTest {
    @Test
    void debug() throws Exception {
        long seed = SimulatorSeedsTest.prop("dbg.seed", -1);
        if (seed < 0) {
            return;
        }
        try (java.io.PrintWriter w = new java.io.PrintWriter("/tmp/dbg/trace.txt")) {
            try {
                new Simulation(SimParams.fromSeed(seed)).trace(w::println).run();
            } catch (SimulationFailure e) {
                w.println(e.getMessage());
            }
        }
    }
}
