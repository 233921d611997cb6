package io.mutualchain.rpc.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A JDK WebSocket client for tests: every text message is queued; waits are bounded by {@link #WAIT}. */
public final class WsTestClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);
    /** Messages a test may skip over while waiting for a particular one. */
    static final int SKIP_MAX = 10_000;

    /** How the server closed the connection. */
    public record Closed(int code, String reason) {
    }

    private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket ws;

    private WsTestClient(URI uri, String authorization) throws Exception {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        ws = b.buildAsync(uri, new Listener()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    public static WsTestClient connect(URI uri) throws Exception {
        return new WsTestClient(uri, null);
    }

    /** Connects with {@code Authorization: authorization} on the upgrade request. */
    public static WsTestClient connect(URI uri, String authorization) throws Exception {
        return new WsTestClient(uri, authorization);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JsonCodec.parse(partial.toString().getBytes(StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    closed.completeExceptionally(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }

    public void send(String text) throws Exception {
        ws.sendText(text, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    public void sendBinary(byte[] bytes) throws Exception {
        ws.sendBinary(ByteBuffer.wrap(bytes), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next message, failing the test if none arrives within {@link #WAIT}. */
    public JsonNode next() throws InterruptedException {
        JsonNode m = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) {
            throw new AssertionError("no WebSocket message within " + WAIT);
        }
        return m;
    }

    /** The next message matching {@code p}, skipping others. */
    public JsonNode next(Predicate<JsonNode> p) throws InterruptedException {
        for (int i = 0; i < SKIP_MAX; i++) {
            JsonNode m = next();
            if (p.test(m)) {
                return m;
            }
        }
        throw new AssertionError("no matching message among " + SKIP_MAX);
    }

    /** Sends a request and returns the answer with its id (notifications in between are skipped). */
    public JsonNode call(int id, String method, String params) throws Exception {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        return next(m -> m.path("id").asInt(-1) == id);
    }

    /** Messages received and not yet taken. */
    public int queued() {
        return messages.size();
    }

    public Closed awaitClosed() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ws.abort();
    }
}
