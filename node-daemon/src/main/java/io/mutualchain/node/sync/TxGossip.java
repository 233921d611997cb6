package io.mutualchain.node.sync;

import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.node.net.Network;
import io.mutualchain.p2p.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transaction gossip. Transactions a wallet gave this node are batched and broadcast to every
 * connected peer ({@link #flush} every {@link #FLUSH_INTERVAL_MS}, or when a batch is full).
 * Transactions from peers are admitted like a wallet's (the same checks; duplicates are dropped)
 * on one thread with a bounded queue, off the network threads and in arrival order (a sender's
 * nonces arrive in order from the node its wallet uses; parallel admission would reorder them into
 * gaps). They are not forwarded again: the consortium's nodes are all connected to each other, and
 * an observer forwards what its own wallets send. What a peer dropped or refused is covered by
 * re-gossip: every node re-broadcasts transactions that stay pending ({@link #regossip}).
 */
public final class TxGossip {
    public static final long FLUSH_INTERVAL_MS = 5;
    /** Transactions waiting to be gossiped; beyond this the oldest batch is sent at once. */
    public static final int MAX_PENDING = TxBatch.MAX_TXS;
    /**
     * A transaction still pending this long after it was last gossiped is gossiped again. Long
     * enough that a backlog under load is not re-sent to every peer over and over (each copy costs
     * every receiver a decode and a duplicate check), short enough that a lost transaction waits
     * seconds, not minutes.
     */
    public static final long REGOSSIP_INTERVAL_MS = 10_000;
    /** Most bytes of transactions sent to a peer whose link came up (well below the transport's frame limit). */
    public static final long LINK_UP_MAX_BYTES = 4L << 20;
    /** Most transactions re-gossiped per round, to bound the bandwidth it takes. */
    public static final int REGOSSIP_MAX = TxBatch.MAX_TXS;

    /** Admits one raw transaction from a peer; returns false if it was refused. */
    public interface Admission {
        boolean admit(byte[] raw);
    }

    private final Network network;
    private final Admission admission;
    private final ExecutorService workers;
    private final List<byte[]> pending = new ArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public TxGossip(Network network, Admission admission, ExecutorService workers) {
        this.network = network;
        this.admission = admission;
        this.workers = workers;
    }

    /** A transaction this node accepted from a wallet. */
    public void publish(byte[] raw) {
        List<byte[]> full = null;
        synchronized (pending) {
            pending.add(raw);
            if (pending.size() >= MAX_PENDING) {
                full = new ArrayList<>(pending);
                pending.clear();
            }
        }
        if (full != null) {
            network.broadcast(Channel.TX_GOSSIP, TxBatch.encode(full));
        }
    }

    public void flush() {
        List<byte[]> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        network.broadcast(Channel.TX_GOSSIP, TxBatch.encode(batch));
    }

    /** A TX_GOSSIP frame from a peer. */
    public void onMessage(PublicKey from, byte[] payload) {
        List<byte[]> txs;
        try {
            txs = TxBatch.decode(payload);
        } catch (CodecException e) {
            network.penalize(from, "malformed transaction batch: " + e.getMessage());
            return;
        }
        try {
            workers.execute(() -> {
                for (byte[] raw : txs) {
                    received.incrementAndGet();
                    if (!admission.admit(raw)) {
                        refused.incrementAndGet();
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            dropped.addAndGet(txs.size());
        }
    }

    /**
     * A link to {@code peer} came up (first connection or after a cut): send it what is pending here
     * now, instead of leaving it to re-gossip up to {@link #REGOSSIP_INTERVAL_MS} later. While the link
     * was down the peer missed this node's transactions, and a wallet's next transaction (its next
     * nonce) would otherwise wait behind them. At most one batch: {@link TxBatch#MAX_TXS} transactions
     * taken within {@link #LINK_UP_MAX_BYTES} by the caller.
     */
    public void sendPendingTo(PublicKey peer, List<byte[]> pendingHere) {
        if (!pendingHere.isEmpty()) {
            network.send(peer, Channel.TX_GOSSIP, TxBatch.encode(pendingHere.subList(0, Math.min(pendingHere.size(), TxBatch.MAX_TXS))));
        }
    }

    /** Re-broadcasts pending transactions that were last gossiped {@link #REGOSSIP_INTERVAL_MS} ago or more. */
    public void regossip(java.util.function.Supplier<List<byte[]>> due) {
        List<byte[]> txs = due.get();
        for (int from = 0; from < txs.size(); from += TxBatch.MAX_TXS) {
            network.broadcast(Channel.TX_GOSSIP, TxBatch.encode(txs.subList(from, Math.min(txs.size(), from + TxBatch.MAX_TXS))));
        }
    }

    public long received() {
        return received.get();
    }

    public long refused() {
        return refused.get();
    }

    public long dropped() {
        return dropped.get();
    }
}
