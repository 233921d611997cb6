package io.mutualchain.rpc.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import io.mutualchain.rpc.subscribe.NotificationSink;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything written to one WebSocket client goes through {@link #send}, from any thread: answers
 * from workers, notifications from the hub. Bytes and frames handed to Netty but not yet taken by the
 * socket are counted against the {@link WsLimits} bound, so one connection costs the server a bounded
 * amount of memory.
 *
 * <p>Only the client is blamed for a full queue: a send over the bound first waits until the
 * connection's event loop has offered everything already handed to it to the socket (that is the
 * server's own CPU, never the client). Only if the bound is still exceeded then, the socket has
 * refused it, the client does not read and it is disconnected with close code 1008. A hub that hands
 * a burst of notifications over faster than the event loop runs therefore never disconnects a client
 * that reads, and nobody's notifications wait for one that does not.
 */
final class WsSession implements NotificationSink {
    private static final Logger LOG = LoggerFactory.getLogger(WsSession.class);
    /** Longest a sender waits at a time for the event loop before it looks at the connection again. */
    static final long EVENT_LOOP_WAIT_MS = 10;

    private final Channel channel;
    private final WsLimits limits;
    private final AtomicLong slowDisconnects;
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Handed to Netty and not yet taken by the socket (guarded by this). */
    private long queuedBytes;
    private long queuedFrames;
    /** Sends handed to the event loop that it has not yet written (guarded by this). */
    private long handedOver;

    WsSession(Channel channel, WsLimits limits, AtomicLong slowDisconnects) {
        this.channel = channel;
        this.limits = limits;
        this.slowDisconnects = slowDisconnects;
    }

    @Override
    public boolean send(JsonNode message) {
        if (closing.get() || !channel.isActive()) {
            return false;
        }
        byte[] bytes = JsonCodec.toBytes(message);
        if (!reserve(bytes.length)) {
            return false;
        }
        try {
            channel.eventLoop().execute(() -> write(bytes));
        } catch (RejectedExecutionException e) {
            // The event loop has shut down (server closing): nothing will be written.
            synchronized (this) {
                handedOver--;
            }
            released(bytes.length);
            return false;
        }
        return true;
    }

    /**
     * Counts {@code length} bytes and one frame as queued, waiting for the event loop while it has
     * not yet written what it was handed; false (and the client disconnected) when the socket has
     * refused more than the bound, or when the connection is closing.
     */
    private synchronized boolean reserve(int length) {
        while (queuedBytes + length > limits.outboundBytesMax() || queuedFrames + 1 > limits.outboundFramesMax()) {
            if (closing.get() || !channel.isActive()) {
                return false;
            }
            // On the event loop itself, waiting would wait for this very thread.
            if (handedOver == 0 || channel.eventLoop().inEventLoop()) {
                overloaded(queuedBytes + length, queuedFrames + 1);
                return false;
            }
            try {
                wait(EVENT_LOOP_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        queuedBytes += length;
        queuedFrames++;
        handedOver++;
        return true;
    }

    /** On the event loop: offers the frame to the socket; what it does not take stays counted until it does. */
    private void write(byte[] bytes) {
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes))).addListener(f -> released(bytes.length));
        synchronized (this) {
            handedOver--;
            notifyAll();
        }
    }

    private synchronized void released(int length) {
        queuedBytes -= length;
        queuedFrames--;
        notifyAll();
    }

    private void overloaded(long bytes, long frames) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        slowDisconnects.incrementAndGet();
        LOG.info("disconnecting WebSocket client {}: it does not read ({} bytes / {} frames not taken by its socket, limits {} / {})",
                channel.remoteAddress(), bytes, frames, limits.outboundBytesMax(), limits.outboundFramesMax());
        // The close frame queues behind what the client is not reading, so it may never arrive: close anyway.
        channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION,
                "outbound queue full: the client does not read fast enough"));
        channel.close();
    }

    /** Sends a close frame with {@code status} and {@code reason}, then closes once it is written. */
    void close(WebSocketCloseStatus status, String reason) {
        if (closing.compareAndSet(false, true)) {
            channel.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(f -> channel.close());
        }
    }
}
