package io.mutualchain.node.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.node.e2e.History.HeadRead;
import io.mutualchain.node.e2e.History.Op;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The test clients: one per validator, each sticky to its node, each sending transfers one at a time
 * from its own few funded accounts and reading the head height in between, every step recorded in
 * the {@link History}; plus conflicting pairs (one sender and nonce signed twice with different
 * recipients) sent at the same moment to two nodes. Clients never retry a transaction: an outcome
 * they could not see is recorded as unknown, and the next one starts from the committed nonce.
 */
final class Workload implements AutoCloseable {
    /** Transfers one client attempts per fault cycle (about 30 s), and at most in any run. */
    static final int OPS_PER_CLIENT_PER_CYCLE = 500;
    static final int OPS_PER_CLIENT_MAX = 6_000;
    /** Longest wait for one transfer's receipt before it is recorded as unknown. */
    static final Duration RECEIPT_WAIT = Duration.ofSeconds(5);
    /** Per-request timeout: a paused node must not hold a client for long. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    /** Pause between a client's transfers: bounds the load on two cores. */
    static final long PAUSE_MS = 100;
    /** Client numbers of the two halves of a conflicting pair, apart from the per-node clients. */
    static final int PAIR_CLIENT_BASE = 100;
    /** Conflicting pairs in flight at once (each takes two threads). */
    static final int PAIRS_IN_FLIGHT_MAX = 4;
    /** Each half of a pair moves this much (0.6 MTN): the sender is funded for one of them, not both. */
    static final long CONFLICT_AMOUNT = 60_000_000L;
    private static final long JOIN_TIMEOUT_MS = 15_000;

    private final Cluster cluster;
    private final History history;
    private final String chainId;
    private final long maxFee;
    private final List<Address> recipients;
    private final int opsPerClient;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();
    private final ExecutorService pairPool = Executors.newFixedThreadPool(2 * PAIRS_IN_FLIGHT_MAX);
    private final List<Future<?>> pairs = new ArrayList<>();

    Workload(Cluster cluster, History history, String chainId, long maxFee, List<Address> recipients, int cycles) {
        this.opsPerClient = Math.min(OPS_PER_CLIENT_MAX, OPS_PER_CLIENT_PER_CYCLE * Math.max(1, cycles));
        this.cluster = cluster;
        this.history = history;
        this.chainId = chainId;
        this.maxFee = maxFee;
        this.recipients = List.copyOf(recipients);
    }

    /** Starts client {@code i} on node {@code i} for each list of sender keys, with its own seeded choices. */
    void start(List<List<KeyPair>> sendersPerClient, long seed) {
        running.set(true);
        for (int i = 0; i < sendersPerClient.size(); i++) {
            int client = i;
            List<KeyPair> senders = sendersPerClient.get(i);
            Random random = new Random(seed * 31 + i);
            Thread t = new Thread(() -> clientLoop(client, senders, random), "jepsen-client-" + i);
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }
    }

    /** Stops the clients (each finishes its current transfer) and waits, bounded, for them. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : clients) {
            t.join(JOIN_TIMEOUT_MS);
        }
    }

    private void clientLoop(int client, List<KeyPair> senders, Random random) {
        RpcClient rpc = new RpcClient(cluster.members().get(client).rpc(), REQUEST_TIMEOUT);
        String node = cluster.members().get(client).name();
        long[] nonces = new long[senders.size()];
        java.util.Arrays.fill(nonces, -1);
        for (int op = 0; running.get() && op < opsPerClient; op++) {
            try {
                long at = System.nanoTime();
                long head = rpc.blockNumber();
                if (!history.add(new HeadRead(client, node, at, head))) {
                    return;
                }
                int s = op % senders.size();
                KeyPair sender = senders.get(s);
                if (nonces[s] < 0) {
                    nonces[s] = rpc.account(sender.address()).nonce();
                }
                Address to = recipients.get(random.nextInt(recipients.size()));
                // A unique amount per attempt: signing is deterministic, so re-signing the same sender, nonce, recipient
                // and amount would give the very transaction still pending, and its refusal (DUPLICATE) would say nothing.
                long amount = 1_000 + (long) client * OPS_PER_CLIENT_MAX + op;
                Transaction tx = Transaction.sign(chainId, sender, nonces[s], maxFee, new Transfer(to, amount));
                Op done = submitAndWait(client, node, rpc, tx, null);
                nonces[s] = done.outcome() == History.Outcome.OK ? nonces[s] + 1 : -1;
                if (!history.add(done)) {
                    return;
                }
            } catch (IOException | RpcException nodeUnreachable) {
                // A read failed (the node is down, paused or cut off from the test): nothing was submitted.
            }
            pause(PAUSE_MS);
        }
    }

    /** Sends one transaction and waits (bounded) for its receipt on the same node; never throws. */
    private Op submitAndWait(int client, String node, RpcClient rpc, Transaction tx, String group) {
        String id = tx.id().toString();
        String sender = tx.senderAddress().toString();
        long submit = System.nanoTime();
        try {
            rpc.sendRawTransaction(tx.encode());
        } catch (RpcException refused) {
            return Op.refused(client, node, id, sender, tx.nonce(), submit, System.nanoTime(), refused.getMessage(), group);
        } catch (IOException e) {
            return Op.unknown(client, node, id, sender, tx.nonce(), submit, "send: " + e, group);
        }
        try {
            JsonNode r = rpc.waitForReceipt(tx.id(), RECEIPT_WAIT);
            long ack = System.nanoTime();
            return Op.ok(client, node, id, sender, tx.nonce(), submit, ack, r.path("height").asLong(), r.path("index").asInt(),
                    r.path("blockHash").asText().toLowerCase(java.util.Locale.ROOT), group);
        } catch (IOException | RpcException e) {
            return Op.unknown(client, node, id, sender, tx.nonce(), submit, "receipt: " + e, group);
        }
    }

    /**
     * Signs one nonce of {@code sender} twice (to two different recipients) and sends the two at the same
     * moment to nodes {@code a} and {@code b}; the outcomes are recorded in the background.
     */
    void conflictingPair(String group, KeyPair sender, int a, int b) {
        long nonce;
        try {
            nonce = new RpcClient(cluster.members().get(a).rpc(), REQUEST_TIMEOUT).account(sender.address()).nonce();
        } catch (IOException | RpcException e) {
            try {
                nonce = new RpcClient(cluster.members().get(b).rpc(), REQUEST_TIMEOUT).account(sender.address()).nonce();
            } catch (IOException | RpcException e2) {
                return; // neither node answers: the pair is not sent, and nothing is recorded
            }
        }
        List<Transaction> txs = List.of(
                Transaction.sign(chainId, sender, nonce, maxFee, new Transfer(recipients.get(0), CONFLICT_AMOUNT)),
                Transaction.sign(chainId, sender, nonce, maxFee, new Transfer(recipients.get(1), CONFLICT_AMOUNT)));
        CountDownLatch go = new CountDownLatch(1);
        int[] nodes = {a, b};
        synchronized (pairs) {
            for (int k = 0; k < 2; k++) {
                int half = k;
                pairs.add(pairPool.submit(() -> {
                    RpcClient rpc = new RpcClient(cluster.members().get(nodes[half]).rpc(), REQUEST_TIMEOUT);
                    go.await();
                    history.add(submitAndWait(PAIR_CLIENT_BASE + half, cluster.members().get(nodes[half]).name(), rpc, txs.get(half), group));
                    return null;
                }));
            }
        }
        go.countDown();
    }

    /** Waits (bounded by each half's own receipt wait) until every pair's outcomes are recorded. */
    void awaitPairs() throws Exception {
        List<Future<?>> all;
        synchronized (pairs) {
            all = List.copyOf(pairs);
        }
        for (Future<?> f : all) {
            f.get(RECEIPT_WAIT.toMillis() + 2 * REQUEST_TIMEOUT.toMillis() + JOIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        pairPool.shutdownNow();
        pairPool.awaitTermination(JOIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
