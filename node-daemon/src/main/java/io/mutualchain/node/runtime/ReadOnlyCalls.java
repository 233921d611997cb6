package io.mutualchain.node.runtime;

import io.mutualchain.node.config.CallLimits;
import io.mutualchain.rpc.CallLimitException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where read-only contract runs for RPC callers happen: a few worker threads with a short queue, and a
 * caller who waits at most {@link CallLimits#timeoutMs()}. The time cap lives here, outside the VM, so
 * consensus execution (which must never stop on a clock) shares no code path with it. A run that
 * outlasts the cap is answered with {@code TIME_CAP} at once and finishes on its worker, bounded by the
 * gas cap; the VM does not stop on interrupts, so it is never interrupted.
 */
final class ReadOnlyCalls implements AutoCloseable {
    private final CallLimits limits;
    private final ThreadPoolExecutor pool;

    ReadOnlyCalls(CallLimits limits) {
        this.limits = limits;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(limits.workers() * CallLimits.QUEUE_PER_WORKER), r -> {
                    Thread t = new Thread(r, "rpc-call-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    long gasMax() {
        return limits.gasMax();
    }

    /** Runs {@code run} on a worker and waits for it at most the time cap. */
    <T> T run(Supplier<T> run) {
        Future<T> f;
        try {
            f = pool.submit(run::get);
        } catch (RejectedExecutionException e) {
            throw new CallLimitException(CallLimitException.Kind.BUSY, "every call worker of this node is busy ("
                    + limits.workers() + " running, " + pool.getQueue().size() + " waiting; rpc.callWorkers); retry shortly");
        }
        try {
            return f.get(limits.timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CallLimitException(CallLimitException.Kind.TIME_CAP, "the call ran longer than this node's cap of "
                    + limits.timeoutMs() + " ms for calls (rpc.callTimeoutMs)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a contract call", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
