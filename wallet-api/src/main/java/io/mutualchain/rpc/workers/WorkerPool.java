package io.mutualchain.rpc.workers;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of threads with a bounded queue in front. {@link #trySubmit} says no instead of
 * blocking or growing, so the caller (an event loop, which must never block) can answer "busy".
 */
public final class WorkerPool implements AutoCloseable {
    /** How long close() lets running calls finish before interrupting them. */
    public static final long SHUTDOWN_WAIT_MS = 2_000;

    private final ThreadPoolExecutor executor;

    public WorkerPool(int threads, int queueCapacity, String threadNamePrefix) {
        BlockingQueue<Runnable> queue = queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity);
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, queue,
                new DefaultThreadFactory(threadNamePrefix, true), new ThreadPoolExecutor.AbortPolicy());
        // With no queue, a hand-off only succeeds to a waiting thread, so all of them must be waiting.
        executor.prestartAllCoreThreads();
    }

    /** Runs {@code task} on a worker, or returns false at once when every worker and queue slot is taken. */
    public boolean trySubmit(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
