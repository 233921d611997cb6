package io.mutualchain.rpc.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.rpc.jsonrpc.Envelopes;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import io.mutualchain.rpc.jsonrpc.RpcError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One connection's subscriptions. A new subscription stays pending until the transport has queued
 * the answer that carries its id ({@link #answerThenActivate}), so a client never sees a notification
 * for an id it has not been told yet. Publishing holds the lock while it queues, so once the answer
 * to {@code mc_unsubscribe} is queued no notification for that id can follow it.
 */
public final class Subscriptions {
    /** The method name of every notification. */
    public static final String NOTIFICATION_METHOD = "mc_subscription";

    private final NotificationSink sink;
    private final int max;
    private final Supplier<String> ids;
    private final Map<String, SubscriptionFilter> active = new LinkedHashMap<>();
    private final Map<String, SubscriptionFilter> pending = new LinkedHashMap<>();
    private boolean closed;

    Subscriptions(NotificationSink sink, int max, Supplier<String> ids) {
        this.sink = sink;
        this.max = max;
        this.ids = ids;
    }

    /** Adds a subscription and returns its id; refuses with {@link SubscriptionMethods#TOO_MANY_SUBSCRIPTIONS} at the limit. */
    synchronized String subscribe(SubscriptionFilter filter) {
        if (active.size() + pending.size() >= max) {
            throw new RpcError(SubscriptionMethods.TOO_MANY_SUBSCRIPTIONS, "this connection already has " + max
                    + " subscriptions, the limit; unsubscribe one first", JsonCodec.NODES.objectNode().put("maxSubscriptions", max));
        }
        String id = ids.get();
        pending.put(id, filter);
        return id;
    }

    synchronized boolean unsubscribe(String id) {
        return active.remove(id) != null | pending.remove(id) != null;
    }

    /**
     * Runs {@code sendAnswer} (the transport queueing a request's answer) and then makes the
     * subscriptions that request created live, both under this session's lock: a block published
     * before this ran was committed before the client could see the id, and any published after it
     * reaches the new subscription, behind the answer.
     */
    public synchronized void answerThenActivate(Runnable sendAnswer) {
        sendAnswer.run();
        active.putAll(pending);
        pending.clear();
    }

    /** The connection is gone: nothing more is sent. */
    public synchronized void close() {
        closed = true;
        active.clear();
        pending.clear();
    }

    synchronized int size() {
        return active.size() + pending.size();
    }

    synchronized boolean wantsTransactions() {
        return active.values().stream().anyMatch(f -> f.topic() != Topic.NEW_BLOCKS)
                || pending.values().stream().anyMatch(f -> f.topic() != Topic.NEW_BLOCKS);
    }

    /** Sends every notification {@code notes} holds for this connection's live subscriptions, in order. */
    synchronized void publish(BlockNotes notes) {
        for (Map.Entry<String, SubscriptionFilter> s : new ArrayList<>(active.entrySet())) {
            for (ObjectNode result : matching(s.getValue(), notes)) {
                if (closed || !sink.send(notification(s.getKey(), "result", result))) {
                    return;
                }
            }
        }
    }

    /** Tells every live subscription that blocks {@code from}..{@code to} were skipped. */
    synchronized void dropped(long from, long to, String why) {
        for (String id : new ArrayList<>(active.keySet())) {
            ObjectNode d = JsonCodec.NODES.objectNode().put("fromHeight", from).put("toHeight", to).put("reason", why);
            if (closed || !sink.send(notification(id, "dropped", d))) {
                return;
            }
        }
    }

    private static List<ObjectNode> matching(SubscriptionFilter f, BlockNotes notes) {
        List<ObjectNode> out = new ArrayList<>();
        switch (f.topic()) {
            case NEW_BLOCKS -> out.add(notes.header());
            case CONTRACT_EVENTS -> notes.contractEvents().stream().filter(f::matches).forEach(e -> out.add(e.json()));
            case ASSET_CHANGES -> notes.assetChanges().stream().filter(f::matches).forEach(c -> out.add(c.json()));
        }
        return out;
    }

    static JsonNode notification(String id, String field, JsonNode value) {
        ObjectNode n = JsonCodec.NODES.objectNode();
        n.put("jsonrpc", Envelopes.VERSION);
        n.put("method", NOTIFICATION_METHOD);
        ObjectNode params = n.putObject("params");
        params.put("subscription", id);
        params.set(field, value);
        return n;
    }
}
