package io.mutualchain.pbft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each Byzantine behaviour in the seat that hurts most: the primary of view 0, on clusters of 4 and
 * 7 with a lossy, reordering network. Safety must hold, the cluster must recover after the heal,
 * and a primary that equivocates or proposes invalid blocks must actually be replaced.
 */
class ByzantinePrimaryTest {
    static final int SEEDS_PER_BEHAVIOUR = 40;

    private static List<Simulation.Result> runAll(Behaviour b, double crashRate) {
        List<Simulation.Result> results = new ArrayList<>();
        CachingVerifier verifier = new CachingVerifier();
        for (long seed = 1; seed <= SEEDS_PER_BEHAVIOUR; seed++) {
            int n = seed % 2 == 0 ? 4 : 7;
            List<Behaviour> roles = new ArrayList<>(Collections.nCopies(n, Behaviour.HONEST));
            roles.set(0, b);
            SimParams p = SimParams.fromSeed(seed).withBehaviours(roles).withFaults(0.05, 0.0, crashRate, 200).withReconfiguration(false);
            results.add(new Simulation(p, verifier).run());
        }
        return results;
    }

    @ParameterizedTest
    @EnumSource(value = Behaviour.class, names = {"SILENT", "EQUIVOCATE", "REPLAY", "FORGE", "INVALID_PROPOSER", "TWIN",
            "CLOCK_AHEAD", "CLOCK_BEHIND"})
    void aByzantinePrimaryNeitherBreaksSafetyNorStopsTheCluster(Behaviour b) {
        List<Simulation.Result> results = runAll(b, 0.002);
        assertThat(results).hasSize(SEEDS_PER_BEHAVIOUR);
        assertThat(results).allSatisfy(r -> assertThat(r.honestMinHeight()).isPositive());
    }

    @ParameterizedTest
    @EnumSource(value = Behaviour.class, names = {"SILENT", "EQUIVOCATE", "INVALID_PROPOSER", "TWIN", "CLOCK_AHEAD", "CLOCK_BEHIND"})
    void aPrimaryThatMisbehavesAsPrimaryIsReplacedByAViewChange(Behaviour b) {
        List<Simulation.Result> results = runAll(b, 0.0); // no crashes: a restart resets the engine's counter
        assertThat(results).allSatisfy(r -> assertThat(r.viewChangesMax()).isPositive());
    }

    @Test
    void anHonestPrimaryOnAQuietNetworkIsNeverReplaced() {
        SimParams p = SimParams.fromSeed(7).withBehaviours(Collections.nCopies(4, Behaviour.HONEST)).withFaults(0, 0, 0, 200);
        SimParams quiet = new SimParams(p.seed(), 4, 4, 8, 0, 0, 2, 0, false, 0, 0, p.behaviours(), 200,
                p.livenessBoundTicks(), 20, 80, null, false, 0);
        Simulation.Result r = new Simulation(quiet).run();
        assertThat(r.viewChangesMax()).isZero();
        assertThat(r.honestMinHeight()).isGreaterThan(20);
    }
}
