package io.mutualchain.node.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test's JSON-RPC WebSocket client (the JDK's): sends text frames, queues every message it
 * receives (answers and notifications) for the test to read with a bounded wait.
 */
final class WsClient implements AutoCloseable {
    private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final WebSocket ws;
    private final Duration wait;

    WsClient(URI uri, Duration wait) throws Exception {
        this.wait = wait;
        this.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(wait)
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence text, boolean last) {
                        partial.append(text);
                        if (last) {
                            try {
                                messages.add(JsonCodec.parse(partial.toString().getBytes(StandardCharsets.UTF_8)));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            partial.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }
                }).get(wait.toSeconds(), TimeUnit.SECONDS);
    }

    /** Node at 127.0.0.1:{@code port}, path /ws. */
    static WsClient connect(int port, Duration wait) throws Exception {
        return new WsClient(URI.create("ws://127.0.0.1:" + port + "/ws"), wait);
    }

    void send(String json) throws Exception {
        ws.sendText(json, true).get(wait.toSeconds(), TimeUnit.SECONDS);
    }

    /** Subscribes to {@code topic} with no filter and returns the subscription id from the answer. */
    String subscribe(int requestId, String topic) throws Exception {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + requestId + ",\"method\":\"mc_subscribe\",\"params\":{\"topic\":\"" + topic + "\"}}");
        JsonNode answer = next();
        if (answer.path("id").asInt() != requestId || !answer.has("result")) {
            throw new AssertionError("mc_subscribe " + topic + " answered " + answer);
        }
        return answer.path("result").asText();
    }

    /** The next message, waiting at most the client's wait. */
    JsonNode next() throws InterruptedException {
        JsonNode m = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) {
            throw new AssertionError("no WebSocket message within " + wait);
        }
        return m;
    }

    @Override
    public void close() {
        ws.abort();
    }
}
