package io.mutualchain.pbft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.pbft.drive.TestLoopFaults;
import java.util.Collections;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The simulator has teeth for the loop too: each deliberately broken driver (test-only switches on
 * the daemon's own {@code ConsensusDriver}) is caught within a bounded number of seeds, and the
 * correct driver passes the same seeds.
 *
 * <p>Two breaches were tried and are not caught, because in this fault model they are harmless:
 * applying a Ready's committed blocks before writing its records (the chain write is durable, and
 * the records it runs ahead of protect votes not sent yet, as sending still waits for them), and
 * calling {@code advance} before writing them (a failed write stops the node, so what {@code advance}
 * changed dies with it).
 */
class BrokenLoopTest {
    /** Seeds tried per broken driver before the test gives up. */
    static final int MAX_SEEDS = 200;

    private static SimParams honestCluster(long seed, double loss, double crash, double storeFaults) {
        return SimParams.fromSeed(seed)
                .withBehaviours(Collections.nCopies(4, Behaviour.HONEST))
                .withFaults(loss, 0.0, crash, 300)
                .withStoreFaults(storeFaults);
    }

    private static SimulationFailure firstFailure(LongFunction<SimParams> profile, TestLoopFaults.Fault fault) {
        return FirstFailure.find(fault, MAX_SEEDS, profile, p -> p.withBrokenLoop(fault));
    }

    @Test
    void aLoopThatSendsBeforeItPersistsIsCaughtContradictingItselfAfterAFailedWrite() {
        SimulationFailure e = firstFailure(s -> honestCluster(s, 0.05, 0.0, 0.01), TestLoopFaults.Fault.SEND_BEFORE_PERSIST);
        assertThat(e.getMessage()).contains("seed=").containsAnyOf("sent two different", "different blocks");
    }

    @Test
    void aLoopThatCarriesOnAfterAFailedWriteIsCaughtContradictingItselfAfterACrash() {
        SimulationFailure e = firstFailure(s -> honestCluster(s, 0.05, 0.03, 0.01), TestLoopFaults.Fault.IGNORE_FAILED_WRITE);
        assertThat(e.getMessage()).contains("seed=").containsAnyOf("sent two different", "different blocks");
    }

    @Test
    void aLoopThatSkipsTheSignableThroughCoverIsCaughtAtItsFirstVote() {
        SimulationFailure e = firstFailure(s -> honestCluster(s, 0.05, 0.0, 0.0), TestLoopFaults.Fault.SKIP_COVER);
        assertThat(e.getMessage()).contains("seed=").contains("above its durable signable-through bound");
    }

    @Test
    void aLoopThatAdvancesWithoutApplyingIsCaughtNotMakingProgress() {
        SimulationFailure e = firstFailure(s -> honestCluster(s, 0.05, 0.0, 0.0), TestLoopFaults.Fault.ADVANCE_WITHOUT_APPLY);
        assertThat(e.getMessage()).contains("seed=").contains("liveness");
    }
}
