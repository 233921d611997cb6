package io.mutualchain.p2p.link;

import io.mutualchain.core.crypto.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keys refused until a deadline. Bounded by the allow-list: only authenticated, allow-listed keys
 * are ever banned, so this map never grows beyond the consortium's size.
 */
public final class BanList {
    private final Map<PublicKey, Long> until = new HashMap<>();
    private final LongSupplier nanoClock;

    public BanList(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public synchronized void ban(PublicKey key, long durationNanos) {
        until.put(key, nanoClock.getAsLong() + durationNanos);
    }

    /** Nanoseconds left on the key's ban, or 0 if it is not banned (an expired ban is forgotten). */
    public synchronized long remainingNanos(PublicKey key) {
        Long deadline = until.get(key);
        if (deadline == null) {
            return 0;
        }
        long left = deadline - nanoClock.getAsLong();
        if (left <= 0) {
            until.remove(key);
            return 0;
        }
        return left;
    }

    public boolean isBanned(PublicKey key) {
        return remainingNanos(key) > 0;
    }
}
