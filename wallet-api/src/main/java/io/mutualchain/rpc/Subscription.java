package io.mutualchain.rpc;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One live {@code mc_subscribe} of an {@link RpcSubscriber}. Closing it stops its callbacks at
 * once (notifications already queued for it are dropped) and then sends {@code mc_unsubscribe}.
 */
public final class Subscription implements AutoCloseable {
    private final RpcSubscriber owner;
    private final String id;
    private final String topic;
    private final AtomicBoolean closed = new AtomicBoolean();

    Subscription(RpcSubscriber owner, String id, String topic) {
        this.owner = owner;
        this.id = id;
        this.topic = topic;
    }

    /** The node's id for it, {@code "0x"} + 16 hex digits. */
    public String id() {
        return id;
    }

    public String topic() {
        return topic;
    }

    /**
     * Ends the subscription; idempotent. A callback already running may finish, none starts after
     * this returns. The {@code mc_unsubscribe} is skipped when the connection has already ended
     * (subscriptions end with their connection).
     */
    @Override
    public void close() throws RpcException, IOException {
        if (closed.compareAndSet(false, true)) {
            owner.unsubscribe(id);
        }
    }

    @Override
    public String toString() {
        return "Subscription(" + topic + " " + id + ")";
    }
}
