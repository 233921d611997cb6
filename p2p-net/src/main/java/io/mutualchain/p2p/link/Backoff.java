package io.mutualchain.p2p.link;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: {@code min * 2^failures}, capped at {@code max}, then jittered uniformly into
 * the upper half ({@code [d/2, d]}) so that nodes that lost a common peer at the same instant do not
 * all redial it at the same instant.
 */
public final class Backoff {
    /** Doubling stops here; 2^30 times any sane minimum is already far past any sane maximum. */
    static final int MAX_DOUBLINGS = 30;

    private final long minNanos;
    private final long maxNanos;
    private final RandomGenerator random;

    public Backoff(Duration min, Duration max, RandomGenerator random) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    /** The delay before the next attempt after {@code failures} consecutive failures (0 = first retry). */
    public long delayNanos(int failures) {
        int doublings = Math.min(Math.max(failures, 0), MAX_DOUBLINGS);
        long d = minNanos;
        for (int i = 0; i < doublings && d < maxNanos; i++) {
            d = d > maxNanos / 2 ? maxNanos : d * 2;
        }
        d = Math.min(d, maxNanos);
        long half = d / 2;
        return half + (half == 0 ? 0 : random.nextLong(d - half + 1));
    }
}
