package io.mutualchain.rpc;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread per {@link RpcSubscriber} that runs subscription callbacks, fed through a bounded
 * queue. The WebSocket listener only offers to it and learns at once when it is full, so a slow
 * callback can never stall the connection's answers nor make the client buffer without bound.
 */
final class NotificationDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final Runnable STOP = () -> { };

    private final int capacity;
    /** One slot beyond {@link #capacity} is kept for {@link #STOP}, so stopping never fails for lack of room. */
    private final BlockingQueue<Runnable> queue;
    private final Thread thread;
    private boolean stopOffered;

    NotificationDispatcher(int capacity, String threadName) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the notification queue needs room for at least one notification");
        }
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues a callback; false when the queue already holds {@link #capacity} of them. Called from
     * the listener thread only, so the size check and the offer cannot interleave with another offer.
     */
    synchronized boolean offer(Runnable callback) {
        if (stopOffered || queue.size() >= capacity) {
            return false;
        }
        return queue.offer(callback);
    }

    /** Ends the thread after what is queued ({@code drain}) or at once, dropping what is queued. */
    synchronized void stop(boolean drain) {
        if (!drain) {
            queue.clear();
        }
        if (!stopOffered) {
            stopOffered = true;
            queue.add(STOP);
        }
    }

    boolean isDispatcherThread() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        while (true) {
            Runnable next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                // Nobody interrupts this thread but the JVM at exit; ending quietly is right then.
                return;
            }
            if (next == STOP) {
                return;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // A failing callback must not end delivery to the other subscriptions of the client.
                LOG.warn("a subscription callback failed", e);
            }
        }
    }
}
