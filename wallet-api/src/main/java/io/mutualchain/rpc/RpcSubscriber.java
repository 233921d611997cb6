package io.mutualchain.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.rpc.jsonrpc.Envelopes;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The Java SDK's WebSocket client: {@code mc_subscribe} notifications, and plain calls on the same
 * connection. Dependency-free ({@link java.net.http.WebSocket}) and thread-safe.
 *
 * <p>Answers are matched to calls by id and awaited at most the timeout given to {@link #connect}.
 * Notifications run on one thread of this client, in the order the node sent them, through a queue
 * of {@link #NOTIFICATION_QUEUE_MAX} (or the given bound): when the callbacks fall that far behind
 * the client closes the connection (1008) and reports {@link SubscriberClosed.Cause#NOTIFICATION_QUEUE_FULL}
 * through {@link #whenClosed()}, instead of buffering without bound. Every end of the connection is
 * reported there; calls still waiting then fail with an {@link IOException}.
 */
public final class RpcSubscriber implements AutoCloseable {
    public static final int NOTIFICATION_QUEUE_MAX = 1024;
    /** Largest message taken from the node, as {@link RpcClient#RESPONSE_BYTES_MAX} for HTTP. */
    public static final int MESSAGE_CHARS_MAX = RpcClient.RESPONSE_BYTES_MAX;
    /** Calls waiting for their answer at once; the node itself runs at most 16 per connection. */
    public static final int CALLS_WAITING_MAX = 64;
    /** Close code sent when the notification queue is full (RFC 6455 "policy violation"). */
    public static final int QUEUE_FULL_CLOSE_CODE = 1008;

    private static final AtomicLong CLIENTS = new AtomicLong();

    private final URI uri;
    private final Duration timeout;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, Pending> waiting = new ConcurrentHashMap<>();
    private final Semaphore callSlots = new Semaphore(CALLS_WAITING_MAX);
    private final Map<String, Handlers> subscriptions = new ConcurrentHashMap<>();
    private final CompletableFuture<SubscriberClosed> closed = new CompletableFuture<>();
    /** Set by the first {@link #end}; {@link #closed} completes only after the queue is stopped. */
    private final AtomicBoolean ending = new AtomicBoolean();
    private final NotificationDispatcher dispatcher;
    /** Serialises sends: the JDK WebSocket allows one outstanding text send. */
    private final Object sendLock = new Object();
    private volatile WebSocket ws;

    private record Handlers(Consumer<JsonNode> onResult, Consumer<JsonNode> onDropped) {
    }

    /** A call waiting for its answer; {@code subscribing} is set for an {@code mc_subscribe}. */
    private record Pending(CompletableFuture<JsonNode> answer, Handlers subscribing) {
    }

    private RpcSubscriber(URI uri, Duration timeout, int notificationQueueMax) {
        this.uri = uri;
        this.timeout = timeout;
        this.dispatcher = new NotificationDispatcher(notificationQueueMax, "mc-subscriber-" + CLIENTS.incrementAndGet());
    }

    /** Connects to {@code ws://host:port/ws}; an {@code http(s)://host:port/} address is turned into it. */
    public static RpcSubscriber connect(URI httpOrWsUri, Duration timeout) throws IOException {
        return connect(httpOrWsUri, timeout, null, NOTIFICATION_QUEUE_MAX);
    }

    /**
     * As {@link #connect(URI, Duration)}, sending {@code Authorization: Bearer token} on the upgrade
     * request when {@code bearerToken} is not null (as the {@code admin_} methods require), with a
     * notification queue of {@code notificationQueueMax}.
     */
    public static RpcSubscriber connect(URI httpOrWsUri, Duration timeout, String bearerToken, int notificationQueueMax) throws IOException {
        Objects.requireNonNull(timeout, "timeout");
        URI uri = webSocketUri(Objects.requireNonNull(httpOrWsUri, "httpOrWsUri"));
        WebSocket.Builder builder = HttpClient.newBuilder().connectTimeout(timeout).build().newWebSocketBuilder().connectTimeout(timeout);
        if (bearerToken != null) {
            if (bearerToken.isEmpty() || bearerToken.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                throw new IllegalArgumentException("a bearer token must be a non-empty line of printable characters");
            }
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        RpcSubscriber s = new RpcSubscriber(uri, timeout, notificationQueueMax);
        try {
            s.ws = builder.buildAsync(uri, new SubscriberFrames(s.new Inbound(), MESSAGE_CHARS_MAX)).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            s.dispatcher.stop(false);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + uri);
        } catch (ExecutionException | TimeoutException e) {
            s.dispatcher.stop(false);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IOException("cannot open a WebSocket to " + uri + ": " + cause, cause);
        }
        return s;
    }

    /** {@code ws(s)://} addresses as given; {@code http(s)://host:port/} becomes {@code ws(s)://host:port/ws}. */
    static URI webSocketUri(URI uri) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(java.util.Locale.ROOT);
        switch (scheme) {
            case "ws", "wss" -> {
                return uri;
            }
            case "http", "https" -> {
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/") ? "/ws" : uri.getRawPath();
                return URI.create((scheme.equals("https") ? "wss" : "ws") + "://" + uri.getRawAuthority() + path);
            }
            default -> throw new IllegalArgumentException("not an http(s) or ws(s) address: " + uri);
        }
    }

    public URI uri() {
        return uri;
    }

    /**
     * Completes once, when the connection ends, with why. Its dependent actions run on whichever
     * thread ended it (possibly the JDK's WebSocket thread): keep them short or use the async forms.
     */
    public CompletionStage<SubscriberClosed> whenClosed() {
        return closed.minimalCompletionStage();
    }

    /** Why the connection ended, if it has. */
    public Optional<SubscriberClosed> closeReason() {
        return Optional.ofNullable(closed.getNow(null));
    }

    /**
     * Subscribes to {@code topic} ({@code "newBlocks"}, {@code "contractEvents"}, {@code "assetChanges"})
     * with {@code filters} by name ({@code contract}, {@code asset}, {@code owner}; see docs/api.md).
     * {@code onResult} gets each notification's {@code result}; {@code onDropped} (may be null) the
     * {@code dropped} notice for blocks the node skipped. Both run on this client's dispatch thread.
     *
     * @throws RpcException when the node refused (unknown topic, misplaced filter, too many subscriptions)
     */
    public Subscription subscribe(String topic, Map<String, String> filters, Consumer<JsonNode> onResult, Consumer<JsonNode> onDropped)
            throws RpcException, IOException {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(onResult, "onResult");
        ObjectNode params = JsonCodec.NODES.objectNode();
        params.put("topic", topic);
        if (filters != null) {
            filters.forEach(params::put);
        }
        Handlers handlers = new Handlers(onResult, onDropped == null ? dropped -> { } : onDropped);
        JsonNode id = exchange("mc_subscribe", params, handlers);
        if (!id.isTextual()) {
            throw new IOException("mc_subscribe: unexpected result " + id);
        }
        return new Subscription(this, id.textValue(), topic);
    }

    /** Calls {@code method} on this connection; {@code params} is a JSON array or object (or null for none). */
    public JsonNode call(String method, JsonNode params) throws RpcException, IOException {
        return exchange(Objects.requireNonNull(method, "method"), params, null);
    }

    void unsubscribe(String id) throws RpcException, IOException {
        subscriptions.remove(id);
        if (!closed.isDone()) {
            call("mc_unsubscribe", JsonCodec.NODES.arrayNode().add(id));
        }
    }

    /**
     * Sends one request and waits for its answer. For a subscription the handlers are registered by
     * the listener thread as it reads the answer, before it reads anything after it: the node never
     * sends a subscription's first notification before that answer, so none can be missed.
     */
    private JsonNode exchange(String method, JsonNode params, Handlers subscribing) throws RpcException, IOException {
        if (!callSlots.tryAcquire()) {
            throw new IOException(method + ": more than " + CALLS_WAITING_MAX + " calls are already waiting on " + uri);
        }
        long id = nextId.getAndIncrement();
        Pending pending = new Pending(new CompletableFuture<>(), subscribing);
        try {
            waiting.put(id, pending);
            SubscriberClosed ended = closed.getNow(null);
            if (ended != null) {
                throw new IOException(method + ": the connection to " + uri + " has ended: " + ended);
            }
            ObjectNode request = JsonCodec.NODES.objectNode();
            request.put("jsonrpc", Envelopes.VERSION);
            request.put("method", method);
            if (params != null) {
                request.set("params", params);
            }
            request.put("id", id);
            send(JsonCodec.toText(request), method);
            return result(method, await(method, pending.answer()));
        } finally {
            waiting.remove(id);
            callSlots.release();
        }
    }

    private void send(String text, String method) throws IOException {
        synchronized (sendLock) {
            await(method, ws.sendText(text, true));
        }
    }

    private <T> T await(String method, CompletableFuture<T> future) throws IOException {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling " + method + " on " + uri);
        } catch (TimeoutException e) {
            throw new IOException(method + ": no answer from " + uri + " within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? new IOException(method + ": " + io.getMessage(), io)
                    : new IOException(method + ": " + cause, cause);
        }
    }

    private static JsonNode result(String method, JsonNode answer) throws RpcException, IOException {
        if (answer.has("error")) {
            JsonNode err = answer.get("error");
            throw new RpcException(err.path("code").asInt(), err.path("message").asText(), err.get("data"));
        }
        if (!answer.has("result")) {
            throw new IOException(method + ": answer has neither result nor error");
        }
        return answer.get("result");
    }

    /**
     * Closes the connection (1000) and waits, bounded by the timeout, for the node's Close; calls
     * still waiting fail, queued notifications are dropped. Idempotent; safe from a callback.
     */
    @Override
    public void close() {
        end(new SubscriberClosed(SubscriberClosed.Cause.CLOSED_BY_CALLER, 1000, "closed by the client"), false);
    }

    /**
     * The one way the connection ends: the first caller wins and is what {@link #whenClosed()}
     * reports, once the notification queue has been dealt with. Never blocks, since the listener thread calls it too. {@code fromNode} says the
     * node's Close or the socket's failure already ended it, so nothing is sent; queued
     * notifications are then still delivered.
     */
    private void end(SubscriberClosed why, boolean fromNode) {
        if (!ending.compareAndSet(false, true)) {
            return;
        }
        // Queued notifications are dropped (or the drain is queued) before anyone learns of the
        // end: a caller woken by whenClosed() must not see callbacks that were to be dropped.
        dispatcher.stop(fromNode);
        closed.complete(why);
        IOException gone = new IOException("the connection to " + uri + " has ended: " + why);
        waiting.values().forEach(p -> p.answer().completeExceptionally(gone));
        WebSocket socket = ws;
        if (socket == null) {
            return;
        }
        if (fromNode) {
            if (why.cause() != SubscriberClosed.Cause.CLOSED_BY_SERVER) {
                socket.abort();
            }
            return;
        }
        // The Close goes out once any send in progress is done; the socket is released even when
        // the node never answers it.
        CompletableFuture.runAsync(() -> {
            synchronized (sendLock) {
                try {
                    socket.sendClose(why.code(), why.reason()).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    socket.abort();
                }
            }
        }).orTimeout(timeout.toNanos() * 2, TimeUnit.NANOSECONDS).whenComplete((v, e) -> {
            if (!socket.isInputClosed()) {
                socket.abort();
            }
        });
    }

    /** What the listener thread does with whole messages. */
    private final class Inbound implements SubscriberFrames.Sink {
        @Override
        public void message(String text) {
            if (ending.get()) {
                return;
            }
            JsonNode m;
            try {
                m = JsonCodec.parse(text.getBytes(StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                ended(new SubscriberClosed(SubscriberClosed.Cause.PROTOCOL_ERROR, 1002, "the node sent a message that is not JSON"));
                return;
            }
            if (m.path("method").asText().equals("mc_subscription")) {
                notification(m.path("params"));
            } else if (m.path("id").isIntegralNumber()) {
                answer(m.path("id").longValue(), m);
            }
            // Anything else (an error with id null, e.g. "server busy") cannot be matched to a call;
            // that call will time out, which is what the caller is told.
        }

        private void answer(long id, JsonNode m) {
            Pending p = waiting.get(id);
            if (p == null) {
                return;
            }
            if (p.subscribing() != null && m.path("result").isTextual()) {
                subscriptions.put(m.path("result").textValue(), p.subscribing());
            }
            p.answer().complete(m);
        }

        private void notification(JsonNode params) {
            String id = params.path("subscription").asText();
            JsonNode result = params.get("result");
            JsonNode dropped = params.get("dropped");
            // The handlers are looked up when the callback runs: a subscription closed meanwhile gets nothing.
            boolean queued = dispatcher.offer(() -> {
                Handlers h = subscriptions.get(id);
                if (h == null) {
                    return;
                }
                if (result != null) {
                    h.onResult().accept(result);
                } else if (dropped != null) {
                    h.onDropped().accept(dropped);
                }
            });
            if (!queued) {
                end(new SubscriberClosed(SubscriberClosed.Cause.NOTIFICATION_QUEUE_FULL, QUEUE_FULL_CLOSE_CODE,
                        "client notification queue full: the callbacks fell behind the node"), false);
            }
        }

        @Override
        public void ended(SubscriberClosed why) {
            boolean fromNode = why.cause() == SubscriberClosed.Cause.CLOSED_BY_SERVER || why.cause() == SubscriberClosed.Cause.CONNECTION_LOST;
            end(why, fromNode);
        }
    }

    @Override
    public String toString() {
        return "RpcSubscriber(" + uri + ")";
    }
}
