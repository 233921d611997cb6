package io.mutualchain.p2p;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of the transport's counters since start. Counters only grow, except the queue peaks,
 * which are the highest per-peer queue depth ever seen on each channel (and so must never exceed
 * that channel's configured bound).
 *
 * @param framesIn            application frames received, per channel
 * @param framesOut           application frames written to a socket, per channel
 * @param dropped             messages not delivered to a peer's queue or evicted from it, per channel
 * @param peakQueued          the deepest any peer's outbound queue has been, per channel
 * @param payloadBytesIn      application payload bytes received
 * @param payloadBytesOut     application payload bytes written
 * @param refusals            connections refused before becoming a link, per reason
 * @param bans                peers banned (penalized or caught misbehaving)
 * @param reconnects          dial attempts made after a failure or a lost link
 * @param linksOpened         authenticated links established
 * @param keyConflicts        second connections from a key already linked that came often enough to mean two
 *                            processes use that key (see the transport's key-conflict rule in docs/p2p.md)
 */
public record P2pStats(
        Map<Channel, Long> framesIn,
        Map<Channel, Long> framesOut,
        Map<Channel, Long> dropped,
        Map<Channel, Long> peakQueued,
        long payloadBytesIn,
        long payloadBytesOut,
        Map<RefusalReason, Long> refusals,
        long bans,
        long reconnects,
        long linksOpened,
        long keyConflicts) {

    public P2pStats {
        framesIn = frozen(framesIn);
        framesOut = frozen(framesOut);
        dropped = frozen(dropped);
        peakQueued = frozen(peakQueued);
        EnumMap<RefusalReason, Long> r = new EnumMap<>(RefusalReason.class);
        r.putAll(refusals);
        refusals = Collections.unmodifiableMap(r);
    }

    public long framesIn(Channel c) {
        return framesIn.getOrDefault(c, 0L);
    }

    public long framesOut(Channel c) {
        return framesOut.getOrDefault(c, 0L);
    }

    public long dropped(Channel c) {
        return dropped.getOrDefault(c, 0L);
    }

    public long peakQueued(Channel c) {
        return peakQueued.getOrDefault(c, 0L);
    }

    public long refusals(RefusalReason reason) {
        return refusals.getOrDefault(reason, 0L);
    }

    /** All refused handshakes, whatever the reason (tie-break losers included). */
    public long rejectedHandshakes() {
        return refusals.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<Channel, Long> frozen(Map<Channel, Long> m) {
        EnumMap<Channel, Long> copy = new EnumMap<>(Channel.class);
        copy.putAll(m);
        return Collections.unmodifiableMap(copy);
    }
}
