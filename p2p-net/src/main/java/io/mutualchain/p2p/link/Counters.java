package io.mutualchain.p2p.link;

import io.mutualchain.p2p.Channel;
import io.mutualchain.p2p.P2pStats;
import io.mutualchain.p2p.RefusalReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** The transport's live counters, updated from any thread; {@link #snapshot()} freezes them into {@link P2pStats}. */
public final class Counters {
    private static final int CHANNELS = Channel.values().length;
    private final AtomicLongArray framesIn = new AtomicLongArray(CHANNELS);
    private final AtomicLongArray framesOut = new AtomicLongArray(CHANNELS);
    private final AtomicLongArray dropped = new AtomicLongArray(CHANNELS);
    private final AtomicLongArray peakQueued = new AtomicLongArray(CHANNELS);
    private final AtomicLongArray refusals = new AtomicLongArray(RefusalReason.values().length);
    private final LongAdder payloadBytesIn = new LongAdder();
    private final LongAdder payloadBytesOut = new LongAdder();
    private final LongAdder bans = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder linksOpened = new LongAdder();
    private final LongAdder keyConflicts = new LongAdder();

    void frameIn(Channel c, int payloadBytes) {
        framesIn.incrementAndGet(c.ordinal());
        payloadBytesIn.add(payloadBytes);
    }

    void frameOut(Channel c, int payloadBytes) {
        framesOut.incrementAndGet(c.ordinal());
        payloadBytesOut.add(payloadBytes);
    }

    public void dropped(Channel c, int messages) {
        if (messages > 0) {
            dropped.addAndGet(c.ordinal(), messages);
        }
    }

    void queueDepth(Channel c, int depth) {
        peakQueued.accumulateAndGet(c.ordinal(), depth, Math::max);
    }

    public void refused(RefusalReason reason) {
        refusals.incrementAndGet(reason.ordinal());
    }

    void banned() {
        bans.increment();
    }

    void reconnectAttempt() {
        reconnects.increment();
    }

    void linkOpened() {
        linksOpened.increment();
    }

    void keyConflict() {
        keyConflicts.increment();
    }

    public P2pStats snapshot() {
        Map<RefusalReason, Long> r = new EnumMap<>(RefusalReason.class);
        for (RefusalReason reason : RefusalReason.values()) {
            long v = refusals.get(reason.ordinal());
            if (v > 0) {
                r.put(reason, v);
            }
        }
        return new P2pStats(perChannel(framesIn), perChannel(framesOut), perChannel(dropped), perChannel(peakQueued),
                payloadBytesIn.sum(), payloadBytesOut.sum(), r, bans.sum(), reconnects.sum(), linksOpened.sum(),
                keyConflicts.sum());
    }

    private static Map<Channel, Long> perChannel(AtomicLongArray a) {
        Map<Channel, Long> m = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            m.put(c, a.get(c.ordinal()));
        }
        return m;
    }
}
