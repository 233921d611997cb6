package io.mutualchain.rpc.http;

import io.mutualchain.rpc.jsonrpc.JsonRpcDispatcher;
import io.mutualchain.rpc.subscribe.SubscriptionHub;
import io.mutualchain.rpc.workers.WorkerPool;
import io.mutualchain.rpc.ws.WsLimits;
import io.mutualchain.rpc.ws.WsRpcHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each connection's pipeline: idle timeout, HTTP codec with bounded request line and headers,
 * an aggregator bounded by the body limit (it answers 413 itself), the WebSocket upgrade on {@link
 * WsRpcHandler#PATH} (Netty's handshake and framing, frames and reassembled messages bounded by the
 * same body limit), then the HTTP JSON-RPC handler. Counts open connections, HTTP and WebSocket
 * alike, and closes any beyond the limit as soon as it is accepted. Keeps every open connection so
 * that {@link #closeAll} can end them itself when the server stops: a WebSocket client is told so
 * with a Going Away close frame, and no connection is left for the event loops' teardown to find.
 */
public final class RpcChannelInitializer extends ChannelInitializer<SocketChannel> {
    private static final Logger LOG = LoggerFactory.getLogger(RpcChannelInitializer.class);
    /** Longest request line ("POST / HTTP/1.1" needs 15). */
    public static final int INITIAL_LINE_BYTES_MAX = 4096;
    /** Largest header block. */
    public static final int HEADER_BYTES_MAX = 8192;

    private final JsonRpcDispatcher dispatcher;
    private final WorkerPool workers;
    private final int maxBodyBytes;
    private final int idleTimeoutSeconds;
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final SubscriptionHub hub;
    private final WsLimits wsLimits;
    private final AtomicLong slowWebSocketDisconnects = new AtomicLong();
    /** Connections accepted and not yet closed; a closed channel leaves the group by itself. */
    private final ChannelGroup connections = new DefaultChannelGroup("rpc-connections", GlobalEventExecutor.INSTANCE);

    /** @param hub may be null (no subscriptions: a server built from bare methods) */
    public RpcChannelInitializer(JsonRpcDispatcher dispatcher, WorkerPool workers, int maxBodyBytes, int idleTimeoutSeconds,
                                 int maxConnections, SubscriptionHub hub, WsLimits wsLimits) {
        this.hub = hub;
        this.wsLimits = wsLimits;
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.maxBodyBytes = maxBodyBytes;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.maxConnections = maxConnections;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            LOG.warn("refusing RPC connection from {}: {} connections are open, the limit", ch.remoteAddress(), maxConnections);
            ch.close();
            return;
        }
        ch.closeFuture().addListener(f -> open.decrementAndGet());
        connections.add(ch);
        ch.pipeline()
                .addLast("idle", new IdleStateHandler(0, 0, idleTimeoutSeconds, TimeUnit.SECONDS))
                .addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                        .setMaxInitialLineLength(INITIAL_LINE_BYTES_MAX)
                        .setMaxHeaderSize(HEADER_BYTES_MAX)))
                .addLast("aggregate", new HttpObjectAggregator(maxBodyBytes))
                .addLast("ws", new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                        .websocketPath(WsRpcHandler.PATH)
                        .maxFramePayloadLength(maxBodyBytes)
                        .allowExtensions(false)
                        .dropPongFrames(true)
                        .build()))
                .addLast("ws-aggregate", new WebSocketFrameAggregator(maxBodyBytes))
                .addLast("ws-rpc", new WsRpcHandler(dispatcher, workers, hub, wsLimits, idleTimeoutSeconds, slowWebSocketDisconnects,
                        "jsonrpc", "idle"))
                .addLast("jsonrpc", new HttpRpcHandler(dispatcher, workers));
    }

    /** WebSocket clients disconnected because they did not read their notifications and answers. */
    public long slowWebSocketDisconnects() {
        return slowWebSocketDisconnects.get();
    }

    /**
     * Ends every open connection, for a server that stops: WebSocket clients get close 1001 "the
     * node is shutting down" and their connection is closed once it is written; HTTP connections
     * are closed. Waits until all are closed or {@code waitMs} passed, then closes what is left
     * without a frame (a client that does not read may never take it). Returns connections that
     * were still open at the deadline.
     */
    public int closeAll(long waitMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        List<Channel> now = List.copyOf(connections);
        for (Channel ch : now) {
            WsRpcHandler ws = ch.pipeline().get(WsRpcHandler.class);
            if (ws == null) {
                ch.close();
            } else {
                ch.eventLoop().execute(() -> ws.goingAway(ch));
            }
        }
        int late = 0;
        for (Channel ch : now) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !ch.closeFuture().awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                late++;
                ch.close().awaitUninterruptibly(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) + 1);
            }
        }
        return late;
    }

    /** Connections open right now. */
    public int openConnections() {
        return open.get();
    }
}
