package io.mutualchain.rpc.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.admin.AdminGuard;
import io.mutualchain.rpc.jsonrpc.CallContext;
import io.mutualchain.rpc.jsonrpc.JsonRpcDispatcher;
import io.mutualchain.rpc.workers.WorkerPool;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests, answered strictly in arrival order (HTTP/1.1 pipelining requires it).
 * While a call is on a worker the connection stops reading, which bounds each connection to one call
 * in progress plus at most {@link #PIPELINED_REQUESTS_MAX} already-decoded requests. All fields are
 * touched on the connection's event loop only; workers hand results back with {@code execute}.
 */
final class HttpRpcHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRpcHandler.class);
    /** Requests a client may pipeline behind the one in progress before the connection is closed. */
    static final int PIPELINED_REQUESTS_MAX = 16;

    private final JsonRpcDispatcher dispatcher;
    private final WorkerPool workers;
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private boolean inProgress;

    /** One request: either answered without a worker ({@code immediate}) or a JSON-RPC body to dispatch with its caller. */
    private record Exchange(boolean keepAlive, byte[] body, CallContext caller, Supplier<FullHttpResponse> immediate) {
    }

    HttpRpcHandler(JsonRpcDispatcher dispatcher, WorkerPool workers) {
        this.dispatcher = dispatcher;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (waiting.size() >= PIPELINED_REQUESTS_MAX) {
            LOG.debug("closing {}: more than {} pipelined requests", ctx.channel().remoteAddress(), PIPELINED_REQUESTS_MAX);
            ctx.close();
            return;
        }
        waiting.add(classify(request, String.valueOf(ctx.channel().remoteAddress())));
        if (!inProgress) {
            next(ctx);
        }
    }

    private static Exchange classify(FullHttpRequest request, String remote) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            return new Exchange(false, null, null, () -> HttpReplies.text(HttpResponseStatus.BAD_REQUEST, "Malformed HTTP request\n"));
        }
        if (!"/".equals(new QueryStringDecoder(request.uri()).path())) {
            return new Exchange(keepAlive, null, null, () -> HttpReplies.text(HttpResponseStatus.NOT_FOUND, "Not found. " + HttpReplies.GET_HINT));
        }
        if (!HttpMethod.POST.equals(request.method())) {
            return new Exchange(keepAlive, null, null, HttpReplies::methodNotAllowed);
        }
        if (!isJson(request.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
            return new Exchange(keepAlive, null, null, () -> HttpReplies.text(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json\n"));
        }
        CallContext caller = CallContext.caller(remote, request.headers().get(HttpHeaderNames.AUTHORIZATION));
        return new Exchange(keepAlive, ByteBufUtil.getBytes(request.content()), caller, null);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return mime.equals(HttpHeaderValues.APPLICATION_JSON.toString());
    }

    /** Starts the oldest waiting exchange, or resumes reading when none is left. */
    private void next(ChannelHandlerContext ctx) {
        Exchange exchange = waiting.poll();
        if (exchange == null) {
            inProgress = false;
            ctx.channel().config().setAutoRead(true);
            return;
        }
        inProgress = true;
        ctx.channel().config().setAutoRead(false);
        if (exchange.immediate() != null) {
            respond(ctx, exchange, exchange.immediate().get());
            return;
        }
        boolean accepted = workers.trySubmit(() -> {
            FullHttpResponse response = dispatch(exchange.body(), exchange.caller());
            try {
                ctx.executor().execute(() -> respond(ctx, exchange, response));
            } catch (RejectedExecutionException e) {
                // The event loop has shut down (server closing): nobody is left to answer.
                response.release();
            }
        });
        if (!accepted) {
            respond(ctx, exchange, HttpReplies.busy());
        }
    }

    /** Runs on a worker thread. */
    private FullHttpResponse dispatch(byte[] body, CallContext caller) {
        try {
            Optional<JsonNode> answer = dispatcher.handle(body, caller);
            if (answer.isPresent() && allRefusedForAuth(answer.get())) {
                return HttpReplies.unauthorized(answer.get());
            }
            return answer.map(a -> HttpReplies.json(HttpResponseStatus.OK, a)).orElseGet(HttpReplies::noContent);
        } catch (RuntimeException | Error e) {
            // The dispatcher catches method failures itself; reaching here means the server is in trouble.
            LOG.error("JSON-RPC request failed outside any method", e);
            return HttpReplies.internalError();
        }
    }

    /**
     * Whether every answer is an admin-token refusal: then the whole request failed for want of
     * credentials and HTTP says so (401), as a client library expects. A batch in which anything else
     * was answered stays 200, so its other answers are not hidden behind an error status.
     */
    static boolean allRefusedForAuth(JsonNode answer) {
        if (answer.isArray()) {
            for (JsonNode a : answer) {
                if (!refusedForAuth(a)) {
                    return false;
                }
            }
            return !answer.isEmpty();
        }
        return refusedForAuth(answer);
    }

    private static boolean refusedForAuth(JsonNode a) {
        JsonNode code = a.path("error").path("code");
        return code.isInt() && AdminGuard.isAuthRefusal(code.intValue());
    }

    private void respond(ChannelHandlerContext ctx, Exchange exchange, FullHttpResponse response) {
        if (!ctx.channel().isActive()) {
            response.release();
            waiting.clear();
            return;
        }
        if (exchange.keepAlive()) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            next(ctx);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            waiting.clear();
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            if (!inProgress && waiting.isEmpty()) {
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets and half-sent requests are the client's business; log quietly and drop the connection.
        LOG.debug("closing RPC connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
