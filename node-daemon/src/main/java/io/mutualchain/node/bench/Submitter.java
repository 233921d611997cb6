package io.mutualchain.node.bench;

import io.mutualchain.core.tx.Transaction;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Submits pre-signed transactions with a fixed number of threads. Worker w owns the accounts
 * a with a mod C == w, sends to node w mod (number of nodes), and sends their transactions
 * round-robin, each account's in nonce order, in JSON-RPC batches of up to {@code batch}; so no
 * transaction arrives before the one it follows. With a rate, transaction i is not sent before
 * start + i / rate, and a batch leaves at most {@link #MAX_BATCH_WAIT_NANOS} after its oldest
 * transaction was due (without that, 32 workers filling batches of 20 at 1,000 tx/s would send
 * synchronised bursts every 640 ms).
 */
final class Submitter {
    record Result(String[] ids, long[] submittedAt, int accepted, int rejected, String firstRejection, long startNanos) {
    }

    private final List<URI> nodes;
    private final List<List<Transaction>> perAccount;
    private final int threads;
    private final int rate;
    private final int batch;
    /**
     * With an offered rate, a batch is sent once its oldest transaction has waited this long, full
     * or not, so that batching smooths nothing away: the load arrives at the rate asked for.
     */
    static final long MAX_BATCH_WAIT_NANOS = 10_000_000L;

    Submitter(List<URI> nodes, List<List<Transaction>> perAccount, int threads, int rate, int batch) {
        this.nodes = nodes;
        this.perAccount = perAccount;
        this.threads = Math.min(threads, perAccount.size());
        this.rate = rate;
        this.batch = batch;
    }

    Result run() throws InterruptedException {
        int accounts = perAccount.size();
        int total = perAccount.stream().mapToInt(List::size).sum();
        int maxLen = perAccount.stream().mapToInt(List::size).max().orElse(0);
        String[] ids = new String[total];
        long[] at = new long[total];
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicReference<String> firstRejection = new AtomicReference<>("");
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            BatchSender sender = new BatchSender(nodes.get(w % nodes.size()));
            Thread t = new Thread(() -> {
                List<Transaction> pending = new ArrayList<>(batch);
                List<Integer> indexes = new ArrayList<>(batch);
                for (int round = 0; round < maxLen; round++) {
                    for (int a = worker; a < accounts; a += threads) {
                        List<Transaction> txs = perAccount.get(a);
                        if (round >= txs.size()) {
                            continue;
                        }
                        int index = round * accounts + a;
                        pace(start, index);
                        pending.add(txs.get(round));
                        indexes.add(index);
                        boolean waitedLongEnough = rate > 0 && System.nanoTime() - due(start, indexes.get(0)) >= MAX_BATCH_WAIT_NANOS;
                        if (pending.size() >= batch || waitedLongEnough) {
                            flush(sender, pending, indexes, start, ids, at, accepted, rejected, firstRejection);
                        }
                    }
                }
                flush(sender, pending, indexes, start, ids, at, accepted, rejected, firstRejection);
            }, "bench-submit-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        return new Result(ids, at, accepted.get(), rejected.get(), firstRejection.get(), start);
    }

    private void flush(BatchSender sender, List<Transaction> pending, List<Integer> indexes, long start, String[] ids, long[] at,
                       AtomicInteger accepted, AtomicInteger rejected, AtomicReference<String> firstRejection) {
        if (pending.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (int i : indexes) {
            at[i] = now;
        }
        List<String> errors;
        try {
            errors = sender.send(pending);
        } catch (IOException e) {
            errors = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                errors.add(e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int k = 0; k < pending.size(); k++) {
            if (errors.get(k) == null) {
                ids[indexes.get(k)] = pending.get(k).id().toString();
                accepted.incrementAndGet();
            } else {
                rejected.incrementAndGet();
                firstRejection.compareAndSet("", errors.get(k));
            }
        }
        pending.clear();
        indexes.clear();
    }

    private long due(long start, int index) {
        return start + (long) (index * (1_000_000_000.0 / rate));
    }

    private void pace(long start, int index) {
        if (rate <= 0) {
            return;
        }
        long wait = due(start, index) - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
