package io.mutualchain.p2p.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Property(tries = 500)
    void everyDelayLiesInTheUpperHalfOfTheCappedExponential(@ForAll @IntRange(min = 0, max = 200) int failures,
                                                             @ForAll @LongRange(min = 1, max = 10_000) long minMs,
                                                             @ForAll @LongRange(min = 0, max = 100_000) long extraMs,
                                                             @ForAll long seed) {
        Duration min = Duration.ofMillis(minMs);
        Duration max = Duration.ofMillis(minMs + extraMs);
        long d = new Backoff(min, max, new SplittableRandom(seed)).delayNanos(failures);
        long ideal = Math.min(max.toNanos(), (long) Math.min((double) max.toNanos(), min.toNanos() * Math.pow(2, Math.min(failures, 62))));
        assertThat(d).isBetween(ideal / 2, ideal);
    }

    @Test
    void theDelayGrowsUntilTheCapAndThenStays() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new SplittableRandom(1));
        assertThat(b.delayNanos(0)).isBetween(50_000_000L, 100_000_000L);
        assertThat(b.delayNanos(3)).isBetween(400_000_000L, 800_000_000L);
        assertThat(b.delayNanos(50)).isBetween(500_000_000L, 1_000_000_000L);
    }
}
