package io.mutualchain.pbft.sim;

import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * Finds the first seed at which the simulator catches a deliberately broken replica (engine or
 * loop), and checks that the correct code passes that very seed, so the failure is the breakage's
 * and not the seed's. Shared by the tests that show the simulator has teeth.
 */
final class FirstFailure {
    private FirstFailure() {
    }

    /**
     * @param breakage what is broken, for the messages
     * @param maxSeeds seeds tried (from 1) before the simulator is judged blind to the breakage
     * @param profile  the correct run for a seed
     * @param broken   the same run with the breakage switched on
     */
    static SimulationFailure find(Object breakage, int maxSeeds, LongFunction<SimParams> profile, UnaryOperator<SimParams> broken) {
        CachingVerifier verifier = new CachingVerifier();
        for (long seed = 1; seed <= maxSeeds; seed++) {
            SimParams p = profile.apply(seed);
            try {
                new Simulation(broken.apply(p), verifier).run();
            } catch (SimulationFailure e) {
                new Simulation(p, verifier).run(); // the correct code survives the very same seed
                System.out.println(breakage + " caught at seed " + seed + ": " + e.getMessage());
                return e;
            }
        }
        throw new AssertionError("the simulator did not catch " + breakage + " within " + maxSeeds + " seeds");
    }
}
