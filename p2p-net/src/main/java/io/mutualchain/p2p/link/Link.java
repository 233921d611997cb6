package io.mutualchain.p2p.link;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.p2p.Channel;
import io.mutualchain.p2p.secure.FrameCipher;
import io.mutualchain.p2p.wire.FrameKind;
import io.netty.buffer.Unpooled;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An authenticated connection to one peer and its outbound queues. Senders enqueue from any thread;
 * draining (sealing and writing) runs on the socket's event loop only, which keeps frame nonces in
 * order, and stops whenever Netty reports the socket unwritable (its buffer above the high water
 * mark), so at most the queue bounds plus the water mark are ever held for a peer that reads slowly.
 */
public final class Link {
    private final PublicKey peer;
    private final io.netty.channel.Channel socket;
    private final boolean dialledBySelf;
    private final FrameCipher sealer;
    private final OutboundQueues queues;
    private final Counters counters;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    Link(PublicKey peer, io.netty.channel.Channel socket, boolean dialledBySelf, FrameCipher sealer, OutboundQueues queues, Counters counters) {
        this.peer = peer;
        this.socket = socket;
        this.dialledBySelf = dialledBySelf;
        this.sealer = sealer;
        this.queues = queues;
        this.counters = counters;
    }

    public PublicKey peer() {
        return peer;
    }

    public boolean dialledBySelf() {
        return dialledBySelf;
    }

    public String remoteAddress() {
        return String.valueOf(socket.remoteAddress());
    }

    public int queued(Channel channel) {
        return queues.size(channel);
    }

    /** Queues a payload for this peer; false when the channel's queue refused it (counted as dropped). */
    public boolean enqueue(Channel channel, byte[] payload) {
        if (!socket.isActive()) {
            counters.dropped(channel, 1);
            return false;
        }
        OutboundQueues.Offer offer = queues.offer(channel, payload);
        counters.dropped(channel, offer.evicted() + (offer.queued() ? 0 : 1));
        if (offer.queued()) {
            counters.queueDepth(channel, queues.size(channel));
            scheduleDrain();
        }
        return offer.queued();
    }

    void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            socket.eventLoop().execute(this::drain);
        }
    }

    /** Event loop only. */
    void drain() {
        drainScheduled.set(false);
        boolean wrote = false;
        while (socket.isActive() && socket.isWritable()) {
            OutboundQueues.Item item = queues.poll();
            if (item == null) {
                break;
            }
            socket.write(Unpooled.wrappedBuffer(sealer.seal(FrameKind.of(item.channel()), item.payload())), socket.voidPromise());
            counters.frameOut(item.channel(), item.payload().length);
            wrote = true;
        }
        if (wrote) {
            socket.flush();
        }
    }

    /** Event loop only: a keepalive that bypasses the queues (it is tiny and only sent when the link is idle). */
    void ping() {
        if (socket.isActive() && socket.isWritable()) {
            socket.writeAndFlush(Unpooled.wrappedBuffer(sealer.seal(FrameKind.PING, new byte[0])), socket.voidPromise());
        }
    }

    /** The link is gone: what is still queued will never be sent, so it counts as dropped. */
    void discardQueued() {
        for (Map.Entry<Channel, Integer> e : queues.clear().entrySet()) {
            counters.dropped(e.getKey(), e.getValue());
        }
    }

    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "link to " + peer.toHex().substring(0, 12) + " at " + remoteAddress() + (dialledBySelf ? " (dialled)" : " (accepted)");
    }
}
