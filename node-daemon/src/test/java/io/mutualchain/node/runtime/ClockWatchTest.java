package io.mutualchain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.genesis.ChainParams;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The operator's warning that this node's clock is wrong, judged by committed blocks (PRECISION 500 ms, MSGDELAY 3 s). */
class ClockWatchTest {
    static final long NOW = 1_764_000_000_000L;
    private final ClockWatch watch = new ClockWatch(ChainParams.DEFAULT);

    private Optional<String> commit(long h, long blockTime, long local, boolean caughtUp) {
        return watch.committed(h, blockTime, local, caughtUp);
    }

    @Test
    void blocksCommittedShortlyAfterTheyWereStampedRaiseNoWarning() {
        for (int h = 1; h <= 50; h++) {
            assertThat(commit(h, NOW + h * 1000L, NOW + h * 1000L + 300, true)).isEmpty();
        }
        assertThat(watch.lastLagMs()).isEqualTo(300);
    }

    @Test
    void fiveBlocksInARowStampedBeyondThePrecisionAfterThisClockWarnThatItIsBehindOnce() {
        for (int h = 1; h < ClockWatch.CONSECUTIVE_BLOCKS; h++) {
            assertThat(commit(h, NOW + 501, NOW, true)).isEmpty();
        }
        assertThat(commit(5, NOW + 10_000, NOW, true)).hasValueSatisfying(w -> assertThat(w).contains("BEHIND").contains("10000 ms"));
        assertThat(commit(6, NOW + 10_000, NOW, true)).isEmpty();
        assertThat(watch.lastLagMs()).isEqualTo(-10_000);
    }

    @Test
    void blocksFarBehindThisClockWarnThatItIsAheadButOnlyWhileCaughtUp() {
        long days800 = 800L * 24 * 3600 * 1000;
        for (int h = 1; h <= 20; h++) {
            assertThat(commit(h, NOW, NOW + days800, false)).as("syncing old blocks").isEmpty();
        }
        for (int h = 21; h < 20 + ClockWatch.CONSECUTIVE_BLOCKS; h++) {
            assertThat(commit(h, NOW, NOW + days800, true)).isEmpty();
            assertThat(commit(h, NOW, NOW + days800, false)).as("a synced block in between neither counts nor resets").isEmpty();
        }
        assertThat(commit(25, NOW, NOW + days800, true)).hasValueSatisfying(w -> assertThat(w).contains("AHEAD").contains("untimely"));
    }

    @Test
    void oneGoodBlockInBetweenStartsTheCountAgain() {
        for (int round = 0; round < 3; round++) {
            for (int h = 1; h < ClockWatch.CONSECUTIVE_BLOCKS; h++) {
                assertThat(commit(h, NOW + 5_000, NOW, true)).isEmpty();
            }
            assertThat(commit(99, NOW, NOW + 100, true)).isEmpty();
        }
    }
}
