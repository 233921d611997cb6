package io.mutualchain.pbft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.pbft.CommittedBlock;
import io.mutualchain.pbft.TestChain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's block-time oracle fails a run on exactly the commits the rule forbids. */
class TimeCheckerTest {
    private static final long PRECISION_MS = 500;
    private static final long CLOCK_MS = 1_000_000;

    private final TestChain chain = new TestChain(4, 2, 4);
    private final SimNode node = new SimNode(0, 0, TestChain.key(0), Behaviour.HONEST, 0);
    private final TimeChecker checker = new TimeChecker(PRECISION_MS);

    private CommittedBlock committed(long height, long timestampMs) {
        Block b = chain.block(height, TestChain.GENESIS, TestChain.GENESIS, 0, timestampMs);
        return new CommittedBlock(b, new CommitCertificate(0, height, b.hash(), List.of()));
    }

    @Test
    void aBlockStampedUpToThePrecisionAheadOfTheLatestHonestClockPasses() {
        assertThat(checker.onCommit(node, committed(2, CLOCK_MS + PRECISION_MS), CLOCK_MS - 10, CLOCK_MS)).isEmpty();
        assertThat(checker.maxLeadMs()).isEqualTo(PRECISION_MS);
    }

    @Test
    void aBlockStampedOneMillisecondBeyondThePrecisionFailsTheRun() {
        assertThat(checker.onCommit(node, committed(2, CLOCK_MS + PRECISION_MS + 1), CLOCK_MS - 10, CLOCK_MS))
                .hasValueSatisfying(why -> assertThat(why).contains("ahead of the latest honest clock"));
    }

    @Test
    void aBlockNotStampedAfterItsParentFailsTheRun() {
        assertThat(checker.onCommit(node, committed(3, CLOCK_MS), CLOCK_MS, CLOCK_MS))
                .hasValueSatisfying(why -> assertThat(why).contains("not after its parent"));
    }
}
