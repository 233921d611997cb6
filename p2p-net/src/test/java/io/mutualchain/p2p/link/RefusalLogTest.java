package io.mutualchain.p2p.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalLogTest {
    private static final long S = 1_000_000_000L;

    @Test
    void oneHostGetsOneLinePerIntervalAndTheNextLineSaysHowManyWereLeftOut() {
        RefusalLog log = new RefusalLog();
        assertThat(log.refused("10.0.0.9", 0)).isZero();
        for (int i = 1; i <= 500; i++) {
            assertThat(log.refused("10.0.0.9", i)).isEqualTo(RefusalLog.SILENT);
        }
        assertThat(log.refused("10.0.0.9", 10 * S)).isEqualTo(500);
        assertThat(log.refused("10.0.0.9", 10 * S + 1)).isEqualTo(RefusalLog.SILENT);
    }

    @Test
    void manyHostsTogetherGetAtMostTheGlobalNumberOfLinesPerInterval() {
        RefusalLog log = new RefusalLog();
        int lines = 0;
        for (int i = 0; i < 1_000; i++) {
            if (log.refused("10.0." + (i / 250) + "." + (i % 250), i) != RefusalLog.SILENT) {
                lines++;
            }
        }
        assertThat(lines).isEqualTo(RefusalLog.LINES_PER_WINDOW_MAX);
        assertThat(log.refused("10.9.9.9", 10 * S)).isZero();
    }
}
