package io.mutualchain.p2p.link;

import io.mutualchain.core.crypto.PublicKey;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells a key used by two processes at once from the ordinary reasons a peer connects again while
 * it is still linked. One process per key opens a second connection at most once per link-up: a
 * simultaneous dial, or a restart that finds its old socket still half-open. Two processes with one
 * key keep doing it: each one's dialler redials whenever the other holds the link, so the peer
 * sees a second connection from that key again and again. {@link #EVENTS_TO_CONFLICT} of them
 * within {@link #WINDOW_NANOS} is a conflict.
 *
 * <p>Bounded: at most {@link #KEYS_MAX} keys are tracked (least recently seen evicted; only
 * authenticated, allow-listed keys get here), each with at most {@link #EVENTS_TO_CONFLICT} times.
 */
final class KeyConflicts {
    /** Second connections from one key within the window that make a conflict. */
    static final int EVENTS_TO_CONFLICT = 3;
    static final long WINDOW_NANOS = 60_000_000_000L;
    /** At most one WARN per key per this long, however often it reconnects. */
    static final long WARN_INTERVAL_NANOS = 60_000_000_000L;
    static final int KEYS_MAX = 1_024;

    /** What the registry should do about one more second connection. */
    enum Verdict {
        /** Not (yet) a conflict. */
        NONE,
        /** A conflict; already reported within {@link #WARN_INTERVAL_NANOS}. */
        CONFLICT,
        /** A conflict to report now. */
        CONFLICT_WARN
    }

    private static final class Track {
        final ArrayDeque<Long> times = new ArrayDeque<>(EVENTS_TO_CONFLICT);
        long lastWarnNanos;
        boolean warned;
    }

    private final Map<PublicKey, Track> tracks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PublicKey, Track> eldest) {
            return size() > KEYS_MAX;
        }
    };

    /** {@code peer} completed a handshake while it already had a link; {@code nowNanos} from a monotonic clock. */
    synchronized Verdict secondConnection(PublicKey peer, long nowNanos) {
        Track t = tracks.computeIfAbsent(peer, k -> new Track());
        while (!t.times.isEmpty() && nowNanos - t.times.peekFirst() > WINDOW_NANOS) {
            t.times.pollFirst();
        }
        if (t.times.size() == EVENTS_TO_CONFLICT) {
            t.times.pollFirst();
        }
        t.times.addLast(nowNanos);
        if (t.times.size() < EVENTS_TO_CONFLICT) {
            return Verdict.NONE;
        }
        if (t.warned && nowNanos - t.lastWarnNanos < WARN_INTERVAL_NANOS) {
            return Verdict.CONFLICT;
        }
        t.warned = true;
        t.lastWarnNanos = nowNanos;
        return Verdict.CONFLICT_WARN;
    }
}
