package io.mutualchain.rpc.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import io.mutualchain.rpc.subscribe.NotificationSink;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything written to one WebSocket client goes through {@link #send}, from any thread: answers
 * from workers, notifications from the hub. Bytes and frames handed to Netty but not yet written to
 * the socket are counted; a client that lets them pass the {@link WsLimits} bound is disconnected
 * with close code 1008, so one slow reader costs the server a bounded amount of memory and nobody
 * else's notifications wait for it.
 */
final class WsSession implements NotificationSink {
    private static final Logger LOG = LoggerFactory.getLogger(WsSession.class);

    private final Channel channel;
    private final WsLimits limits;
    private final AtomicLong slowDisconnects;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicLong pendingFrames = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();

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
        long queuedBytes = pendingBytes.addAndGet(bytes.length);
        long queuedFrames = pendingFrames.incrementAndGet();
        if (queuedBytes > limits.outboundBytesMax() || queuedFrames > limits.outboundFramesMax()) {
            pendingBytes.addAndGet(-bytes.length);
            pendingFrames.decrementAndGet();
            overloaded(queuedBytes, queuedFrames);
            return false;
        }
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes))).addListener(f -> {
            pendingBytes.addAndGet(-bytes.length);
            pendingFrames.decrementAndGet();
        });
        return true;
    }

    private void overloaded(long bytes, long frames) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        slowDisconnects.incrementAndGet();
        LOG.info("disconnecting WebSocket client {}: it does not read ({} bytes / {} frames queued, limits {} / {})",
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
