package io.mutualchain.rpc.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.jsonrpc.CallContext;
import io.mutualchain.rpc.jsonrpc.Envelopes;
import io.mutualchain.rpc.jsonrpc.ErrorCode;
import io.mutualchain.rpc.jsonrpc.JsonRpcDispatcher;
import io.mutualchain.rpc.workers.WorkerPool;
import io.mutualchain.rpc.subscribe.SubscriptionHub;
import io.mutualchain.rpc.subscribe.Subscriptions;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's WebSocket side. Until the handshake it lets every HTTP request pass to the HTTP
 * handler; once upgraded it removes that handler, swaps the idle timeout for a ping schedule, opens
 * the connection's subscription session and answers each text frame like an HTTP body. Binary frames
 * are refused with close 1003, a message over the size bound with close 1009. Fields are touched on
 * the connection's event loop only, except the session and subscriptions, which are thread-safe.
 */
public final class WsRpcHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(WsRpcHandler.class);
    /** The path that upgrades; {@code /} stays the HTTP POST endpoint. */
    public static final String PATH = "/ws";
    /** The close reason (code 1001) every WebSocket client gets when the server stops. */
    public static final String SHUTDOWN_REASON = "the node is shutting down";

    private final JsonRpcDispatcher dispatcher;
    private final WorkerPool workers;
    private final SubscriptionHub hub;
    private final WsLimits limits;
    private final int idleTimeoutSeconds;
    private final AtomicLong slowDisconnects;
    private final String httpHandlerName;
    private final String idleHandlerName;
    private WsSession session;
    private Subscriptions subscriptions;
    private CallContext context = CallContext.NONE;
    private int inFlight;

    /**
     * @param hub may be null: a server without a node (fixture methods) has no subscriptions
     */
    public WsRpcHandler(JsonRpcDispatcher dispatcher, WorkerPool workers, SubscriptionHub hub, WsLimits limits, int idleTimeoutSeconds,
                        AtomicLong slowDisconnects, String httpHandlerName, String idleHandlerName) {
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.hub = hub;
        this.limits = limits;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.slowDisconnects = slowDisconnects;
        this.httpHandlerName = httpHandlerName;
        this.idleHandlerName = idleHandlerName;
    }

    /** Seconds of silence after which the server pings; as long again without any frame or pong closes the connection. */
    static int pingAfterSeconds(int idleTimeoutSeconds) {
        return Math.max(1, idleTimeoutSeconds / 2);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
            upgraded(ctx, handshake);
            return;
        }
        if (session != null && event instanceof IdleStateEvent idle) {
            if (idle.isFirst()) {
                ctx.writeAndFlush(new PingWebSocketFrame());
            } else {
                session.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "idle timeout: no frame or pong for "
                        + 2 * pingAfterSeconds(idleTimeoutSeconds) + " s");
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    private void upgraded(ChannelHandlerContext ctx, WebSocketServerProtocolHandler.HandshakeComplete handshake) {
        ctx.pipeline().remove(httpHandlerName);
        ctx.pipeline().replace(idleHandlerName, idleHandlerName,
                new IdleStateHandler(pingAfterSeconds(idleTimeoutSeconds), 0, 0, TimeUnit.SECONDS));
        session = new WsSession(ctx.channel(), limits, slowDisconnects);
        // The upgrade request's credentials hold for every call on this connection.
        context = CallContext.caller(String.valueOf(ctx.channel().remoteAddress()),
                handshake.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
        if (hub != null) {
            subscriptions = hub.open(session, limits.subscriptionsMax());
            context = context.withSession(subscriptions);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (frame instanceof TextWebSocketFrame) {
                call(ctx, ByteBufUtil.getBytes(frame.content()));
            } else if (frame instanceof BinaryWebSocketFrame) {
                session.close(WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "binary frames are not accepted: send JSON-RPC as text frames");
            }
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    private void call(ChannelHandlerContext ctx, byte[] body) {
        inFlight++;
        if (inFlight >= limits.callsInFlightMax()) {
            ctx.channel().config().setAutoRead(false);
        }
        WsSession out = session;
        Subscriptions subs = subscriptions;
        CallContext callContext = context;
        boolean accepted = workers.trySubmit(() -> {
            Optional<JsonNode> answer = dispatch(body, callContext);
            if (subs == null) {
                answer.ifPresent(out::send);
            } else {
                subs.answerThenActivate(() -> answer.ifPresent(out::send));
            }
            answered(ctx);
        });
        if (!accepted) {
            out.send(Envelopes.error(null, ErrorCode.INTERNAL_ERROR, "Server busy: every RPC worker and queue slot is taken; retry shortly"));
            answered(ctx);
        }
    }

    /** Runs on a worker thread. */
    private Optional<JsonNode> dispatch(byte[] body, CallContext callContext) {
        try {
            return dispatcher.handle(body, callContext);
        } catch (RuntimeException | Error e) {
            LOG.error("JSON-RPC request over WebSocket failed outside any method", e);
            return Optional.of(Envelopes.error(null, ErrorCode.INTERNAL_ERROR, "Internal error (see the node log)"));
        }
    }

    private void answered(ChannelHandlerContext ctx) {
        try {
            ctx.executor().execute(() -> {
                inFlight--;
                if (inFlight < limits.callsInFlightMax()) {
                    ctx.channel().config().setAutoRead(true);
                }
            });
        } catch (RejectedExecutionException e) {
            // The event loop has shut down (server closing): there is nothing left to resume.
        }
    }

    /**
     * The server is stopping: a WebSocket connection gets close 1001 and is closed once that is
     * written; one still in the HTTP phase is closed. Runs on the connection's event loop.
     */
    public void goingAway(Channel channel) {
        if (session == null) {
            channel.close();
        } else {
            session.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, SHUTDOWN_REASON);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (subscriptions != null) {
            hub.closed(subscriptions);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (session != null && cause instanceof TooLongFrameException) {
            session.close(WebSocketCloseStatus.MESSAGE_TOO_BIG, "message over the size limit");
            return;
        }
        LOG.debug("closing RPC connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
