package io.mutualchain.pbft;

import io.mutualchain.core.crypto.PublicKey;
import java.util.TreeMap;

/** At most one action per validator per period of ticks (help sent to a lagging replica). One entry per validator. */
final class RateLimiter {
    private final long periodTicks;
    private final TreeMap<PublicKey, Long> lastAt = new TreeMap<>();

    RateLimiter(long periodTicks) {
        this.periodTicks = periodTicks;
    }

    boolean allow(PublicKey who, long now) {
        Long last = lastAt.get(who);
        if (last != null && now - last < periodTicks) {
            return false;
        }
        lastAt.put(who, now);
        return true;
    }
}
