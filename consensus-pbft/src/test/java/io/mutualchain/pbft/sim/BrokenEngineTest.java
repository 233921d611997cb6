package io.mutualchain.pbft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.pbft.TestFaults;
import java.util.Collections;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The simulator has teeth: each deliberately broken engine (test-only fault switches) is caught
 * by the checker within a bounded number of seeds, and the correct engine passes the same seeds.
 */
class BrokenEngineTest {
    /** Seeds tried per broken engine before the test gives up. */
    static final int MAX_SEEDS = 400;

    private static SimParams honestCluster(long seed, int n, double loss, double crash) {
        return SimParams.fromSeed(seed)
                .withBehaviours(Collections.nCopies(n, Behaviour.HONEST))
                .withFaults(loss, 0.0, crash, 300);
    }

    private static SimulationFailure firstFailure(LongFunction<SimParams> profile, TestFaults.Fault fault) {
        return FirstFailure.find(fault, MAX_SEEDS, profile, p -> p.withInjected(fault));
    }

    @Test
    void anEngineThatCommitsWithTwoFInsteadOfTwoFPlusOneVotesIsCaught() {
        SimulationFailure e = firstFailure(s -> honestCluster(s, 4, 0.1, 0.0), TestFaults.Fault.QUORUM_MINUS_ONE);
        assertThat(e.getMessage()).contains("seed=").containsAnyOf("bad certificate", "different blocks");
    }

    @Test
    void anEngineWhoseViewChangesOmitPreparedCertificatesIsCaught() {
        SimulationFailure e = firstFailure(s -> honestCluster(s, 4, 0.35, 0.0), TestFaults.Fault.VIEW_CHANGE_WITHOUT_PREPARED);
        assertThat(e.getMessage()).contains("seed=").containsAnyOf("different blocks", "not its previous block");
    }

    @Test
    void anEngineThatPersistsAfterSendingIsCaughtContradictingItselfAfterACrash() {
        SimulationFailure e = firstFailure(s -> honestCluster(s, 4, 0.05, 0.03), TestFaults.Fault.PERSIST_AFTER_SEND);
        assertThat(e.getMessage()).contains("seed=").containsAnyOf("sent two different", "different blocks");
    }
}
