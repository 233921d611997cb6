package io.mutualchain.rpc.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.jsonrpc.ErrorCode;
import io.mutualchain.rpc.jsonrpc.Envelopes;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** The HTTP answers the server sends, built in one place so that headers are always complete. */
final class HttpReplies {
    static final String GET_HINT = "This is a MutualChain JSON-RPC 2.0 endpoint: send POST / with "
            + "Content-Type: application/json, e.g. {\"jsonrpc\":\"2.0\",\"method\":\"mc_status\",\"id\":1}\n";
    /** Seconds a client is told to wait after HTTP 503. */
    static final int RETRY_AFTER_SECONDS = 1;

    private HttpReplies() {
    }

    static FullHttpResponse json(HttpResponseStatus status, JsonNode body) {
        return bytes(status, JsonCodec.toBytes(body), "application/json");
    }

    static FullHttpResponse text(HttpResponseStatus status, String body) {
        return bytes(status, body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    static FullHttpResponse noContent() {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
        return r;
    }

    static FullHttpResponse busy() {
        FullHttpResponse r = json(HttpResponseStatus.SERVICE_UNAVAILABLE, Envelopes.error(null, ErrorCode.INTERNAL_ERROR,
                "Server busy: every RPC worker and queue slot is taken; retry shortly"));
        r.headers().set(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return r;
    }

    /** 401 with the JSON-RPC refusals as the body and the challenge RFC 6750 asks for. */
    static FullHttpResponse unauthorized(JsonNode body) {
        FullHttpResponse r = json(HttpResponseStatus.UNAUTHORIZED, body);
        r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"mutualchain-admin\"");
        return r;
    }

    static FullHttpResponse internalError() {
        return json(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                Envelopes.error(null, ErrorCode.INTERNAL_ERROR, "Internal error (see the node log)"));
    }

    static FullHttpResponse methodNotAllowed() {
        FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED, GET_HINT);
        r.headers().set(HttpHeaderNames.ALLOW, "POST");
        return r;
    }

    private static FullHttpResponse bytes(HttpResponseStatus status, byte[] body, String contentType) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return r;
    }
}
