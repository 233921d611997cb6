package io.mutualchain.node.bench;

import io.mutualchain.core.tx.Transaction;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Submits pre-signed transactions with a fixed number of threads. Worker w owns the accounts
 * a with a mod C == w and sends their transactions round-robin, each account's in nonce order, so
 * no transaction arrives before the one it follows. With a rate, transaction i is not sent before
 * start + i / rate.
 */
final class Submitter {
    record Result(String[] ids, long[] submittedAt, int accepted, int rejected, String firstRejection, long startNanos) {
    }

    private final List<RpcClient> clients;
    private final List<List<Transaction>> perAccount;
    private final int threads;
    private final int rate;

    Submitter(List<RpcClient> clients, List<List<Transaction>> perAccount, int threads, int rate) {
        this.clients = clients;
        this.perAccount = perAccount;
        this.threads = Math.min(threads, perAccount.size());
        this.rate = rate;
    }

    Result run() throws InterruptedException {
        int accounts = perAccount.size();
        int total = perAccount.stream().mapToInt(List::size).sum();
        String[] ids = new String[total];
        long[] at = new long[total];
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicReference<String> firstRejection = new AtomicReference<>("");
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                int maxLen = perAccount.stream().mapToInt(List::size).max().orElse(0);
                for (int round = 0; round < maxLen; round++) {
                    for (int a = worker; a < accounts; a += threads) {
                        List<Transaction> txs = perAccount.get(a);
                        if (round >= txs.size()) {
                            continue;
                        }
                        int index = round * accounts + a;
                        pace(start, index);
                        Transaction tx = txs.get(round);
                        RpcClient client = clients.get(a % clients.size());
                        at[index] = System.nanoTime();
                        try {
                            client.sendRawTransaction(tx.encode());
                            ids[index] = tx.id().toString();
                            accepted.incrementAndGet();
                        } catch (RpcException | IOException e) {
                            rejected.incrementAndGet();
                            firstRejection.compareAndSet("", e.toString());
                        }
                    }
                }
            }, "bench-submit-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        return new Result(ids, at, accepted.get(), rejected.get(), firstRejection.get(), start);
    }

    private void pace(long start, int index) {
        if (rate <= 0) {
            return;
        }
        long due = start + (long) (index * (1_000_000_000.0 / rate));
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
