package io.mutualchain.rpc.subscribe;

import io.mutualchain.rpc.NodeApi;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the committed chain on one thread and fans each block's notes out to every connection.
 * It starts at the height the node has when the server starts; each signal from {@link ChainEvents}
 * makes it publish every height up to the signalled one, in order, exactly once. When it is more than
 * {@code lagBlocksMax} behind it skips to that distance, counts the skipped blocks and tells every
 * live subscription which heights it missed (the "bounded queue" between consensus and subscribers).
 *
 * <p>One connection cannot stop the others: a connection whose notification fails with an exception
 * (a bug in its transport, say) has its subscriptions closed, with a WARN, and the hub goes on. Should
 * anything else escape the hub's loop, it says so at ERROR and closes every session rather than fall
 * silent while clients wait.
 */
public final class SubscriptionHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionHub.class);
    /** Blocks the hub may fall behind the committed tip before it skips ahead. */
    public static final int DEFAULT_LAG_BLOCKS_MAX = 1_024;
    /** How long close() waits for the hub thread. */
    static final long STOP_WAIT_MS = 2_000;

    private final NodeApi api;
    private final ChainEvents chain;
    private final int lagBlocksMax;
    private final Set<Subscriptions> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong droppedBlocks = new AtomicLong();
    private final AtomicLong publishedHeight = new AtomicLong();
    private Thread thread;

    public SubscriptionHub(NodeApi api, ChainEvents chain, int lagBlocksMax) {
        if (lagBlocksMax < 1) {
            throw new IllegalArgumentException("lagBlocksMax must be at least 1, was " + lagBlocksMax);
        }
        this.api = api;
        this.chain = chain;
        this.lagBlocksMax = lagBlocksMax;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("subscription hub already started");
        }
        publishedHeight.set(api.blockNumber());
        thread = new Thread(this::run, "rpc-subscriptions");
        thread.setDaemon(true);
        thread.start();
    }

    /** A new connection's subscriptions, at most {@code max}, sent to {@code sink}. */
    public Subscriptions open(NotificationSink sink, int max) {
        Subscriptions s = new Subscriptions(sink, max, () -> String.format("0x%016x", nextId.getAndIncrement()));
        sessions.add(s);
        return s;
    }

    public void closed(Subscriptions s) {
        s.close();
        sessions.remove(s);
    }

    /** Connections with a subscription session open. */
    public int sessions() {
        return sessions.size();
    }

    /** Blocks skipped because the hub fell more than the lag bound behind. */
    public long droppedBlocks() {
        return droppedBlocks.get();
    }

    /** The last height whose notes were published (or skipped). */
    public long publishedHeight() {
        return publishedHeight.get();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long target = chain.awaitAbove(publishedHeight.get());
                catchUp(target);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("the subscription hub stopped at height {}; closing every subscription (clients must resubscribe after a"
                    + " restart)", publishedHeight.get(), e);
            for (Subscriptions s : List.copyOf(sessions)) {
                closed(s);
            }
            if (e instanceof Error error) {
                throw error; // not ours to swallow: the JVM's own handling of it goes on
            }
        }
    }

    private void catchUp(long target) {
        long next = publishedHeight.get() + 1;
        if (target - next + 1 > lagBlocksMax) {
            long skipTo = target - lagBlocksMax;
            skip(next, skipTo, "the subscription hub fell more than " + lagBlocksMax + " blocks behind the chain");
            next = skipTo + 1;
        }
        for (long h = next; h <= target && !Thread.currentThread().isInterrupted(); h++) {
            publish(h);
            publishedHeight.set(h);
        }
    }

    private void publish(long height) {
        List<Subscriptions> now = List.copyOf(sessions);
        if (now.stream().allMatch(s -> s.size() == 0)) {
            return;
        }
        boolean withTransactions = now.stream().anyMatch(Subscriptions::wantsTransactions);
        Optional<BlockNotes> notes;
        try {
            notes = BlockNotes.read(api, height, withTransactions);
        } catch (RuntimeException e) {
            LOG.error("cannot read block {} for subscribers", height, e);
            skip(height, height, "the node could not read this block for subscribers (see its log)");
            return;
        }
        if (notes.isEmpty()) {
            skip(height, height, "the block was not found");
            return;
        }
        for (Subscriptions s : now) {
            deliver(s, () -> s.publish(notes.get()));
        }
    }

    private void skip(long from, long to, String why) {
        droppedBlocks.addAndGet(to - from + 1);
        publishedHeight.set(to);
        LOG.warn("subscribers miss blocks {}..{}: {}", from, to, why);
        for (Subscriptions s : List.copyOf(sessions)) {
            deliver(s, () -> s.dropped(from, to, why));
        }
    }

    /** Runs one connection's notification; if it throws, that connection's subscriptions end and the rest go on. */
    private void deliver(Subscriptions s, Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            LOG.warn("a subscriber's connection failed while being notified; its subscriptions are closed", e);
            closed(s);
        }
    }

    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Subscriptions s : List.copyOf(sessions)) {
            closed(s);
        }
    }
}
