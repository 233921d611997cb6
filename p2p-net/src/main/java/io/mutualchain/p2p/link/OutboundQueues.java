package io.mutualchain.p2p.link;

import io.mutualchain.p2p.Channel;
import io.mutualchain.p2p.P2pConfig;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

/**
 * One peer's messages waiting for the socket, one bounded queue per channel (bounded in messages
 * and in payload bytes). What happens when a queue is full depends on the channel:
 *
 * <ul>
 *   <li>CONSENSUS drops its oldest messages to make room: PBFT messages supersede older ones (a
 *       newer view or round matters more), and the protocol's own timeouts recover what is lost.</li>
 *   <li>TX_GOSSIP and BLOCK_SYNC refuse the new message: gossip is best-effort and re-gossiped,
 *       and a sync requester re-asks for what it did not get.</li>
 * </ul>
 *
 * The writer takes CONSENSUS first, then alternates BLOCK_SYNC and TX_GOSSIP, so neither bulk
 * channel can starve the other and nothing delays consensus except frames already on the wire.
 * Thread-safe: senders offer from any thread, the channel's event loop polls.
 */
public final class OutboundQueues {
    /** What became of an offered message. */
    public record Offer(boolean queued, int evicted) {
    }

    /** A message taken for writing. */
    public record Item(Channel channel, byte[] payload) {
    }

    private final Map<Channel, ArrayDeque<byte[]>> queues = new EnumMap<>(Channel.class);
    private final Map<Channel, Long> queuedBytes = new EnumMap<>(Channel.class);
    private final P2pConfig config;
    private boolean syncNext;

    public OutboundQueues(P2pConfig config) {
        this.config = config;
        for (Channel c : Channel.values()) {
            queues.put(c, new ArrayDeque<>());
            queuedBytes.put(c, 0L);
        }
    }

    public synchronized Offer offer(Channel channel, byte[] payload) {
        ArrayDeque<byte[]> q = queues.get(channel);
        int maxMessages = config.queueMax(channel);
        long maxBytes = config.queueBytesMax();
        if (payload.length > maxBytes) {
            return new Offer(false, 0);
        }
        boolean full = q.size() >= maxMessages || queuedBytes.get(channel) + payload.length > maxBytes;
        int evicted = 0;
        if (full) {
            if (channel != Channel.CONSENSUS) {
                return new Offer(false, 0);
            }
            while (q.size() >= maxMessages || queuedBytes.get(channel) + payload.length > maxBytes) {
                byte[] old = q.pollFirst();
                queuedBytes.merge(channel, (long) -old.length, Long::sum);
                evicted++;
            }
        }
        q.addLast(payload);
        queuedBytes.merge(channel, (long) payload.length, Long::sum);
        return new Offer(true, evicted);
    }

    /** The next message to write, or null when every queue is empty. */
    public synchronized Item poll() {
        Item consensus = take(Channel.CONSENSUS);
        if (consensus != null) {
            return consensus;
        }
        Channel first = syncNext ? Channel.BLOCK_SYNC : Channel.TX_GOSSIP;
        Channel second = syncNext ? Channel.TX_GOSSIP : Channel.BLOCK_SYNC;
        syncNext = !syncNext;
        Item item = take(first);
        return item != null ? item : take(second);
    }

    public synchronized int size(Channel channel) {
        return queues.get(channel).size();
    }

    public synchronized long bytes(Channel channel) {
        return queuedBytes.get(channel);
    }

    /** Empties every queue (the link is gone); returns how many messages were discarded per channel. */
    public synchronized Map<Channel, Integer> clear() {
        Map<Channel, Integer> discarded = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            discarded.put(c, queues.get(c).size());
            queues.get(c).clear();
            queuedBytes.put(c, 0L);
        }
        return discarded;
    }

    private Item take(Channel c) {
        byte[] p = queues.get(c).pollFirst();
        if (p == null) {
            return null;
        }
        queuedBytes.merge(c, (long) -p.length, Long::sum);
        return new Item(c, p);
    }
}
