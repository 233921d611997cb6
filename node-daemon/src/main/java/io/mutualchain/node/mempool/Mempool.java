package io.mutualchain.node.mempool;

import io.mutualchain.core.block.BlockGas;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.tx.TxRejection.Reason;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.exec.StateChecks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pending transactions, per sender in nonce order, senders in order of first arrival. A sender's
 * pending nonces are always consecutive from its committed nonce, so every transaction taken for a
 * block is executable in the order taken. Thread-safe (one lock; admission and block building are
 * short).
 *
 * <p>The caller runs the stateless checks (chain, size, fee, signature) before {@link #add}; the pool
 * checks what needs state: nonce against committed nonce plus pending count, and that the sender can
 * pay for all its pending transactions; then the per-sender bounds (pending transactions and the gas
 * their contract transactions declare, {@link MempoolLimits}), refused as {@code SENDER_LIMIT}.
 * Block building takes senders round-robin from a starting sender that moves on each time, so no
 * sender that arrived early is always first to the block's gas.
 */
public final class Mempool {
    private static final SortedMap<Long, Transaction> EMPTY = new TreeMap<>();
    private final MempoolLimits limits;
    private final long baseFee;
    private final long gasPrice;
    private final Map<Hash32, Transaction> byId = new HashMap<>();
    /** Senders in order of first arrival; each sender's transactions keyed by nonce. */
    private final LinkedHashMap<Address, TreeMap<Long, Transaction>> bySender = new LinkedHashMap<>();
    private long bytes;
    /** Where the next {@link #takeForBlock} starts among the senders; moves on by one each time (node-local fairness, never hashed). */
    private int rotation;
    /** When each pending transaction was last gossiped (System.nanoTime); node-local, never hashed. */
    private final Map<Hash32, Long> gossipedAt = new HashMap<>();

    /** A pool for a chain with the default gas price. */
    public Mempool(MempoolLimits limits, long baseFee) {
        this(limits, baseFee, ChainParams.DEFAULT_GAS_PRICE);
    }

    public Mempool(MempoolLimits limits, long baseFee, long gasPrice) {
        this.limits = limits;
        this.baseFee = baseFee;
        this.gasPrice = gasPrice;
    }

    /** Admits a transaction that has passed the stateless checks, or says why not. */
    public synchronized Optional<TxRejection> add(Transaction tx, AccountState state) {
        if (byId.containsKey(tx.id())) {
            return Optional.of(TxRejection.of(Reason.DUPLICATE, "transaction " + tx.id() + " is already pending"));
        }
        Address sender = tx.senderAddress();
        long committedNonce = state.nonce(sender);
        // The ledger may already have committed some of this sender's pending transactions that the
        // consensus thread has not yet removed from the pool: only nonces from the committed one on count.
        TreeMap<Long, Transaction> pending = bySender.get(sender);
        SortedMap<Long, Transaction> live = pending == null ? EMPTY : pending.tailMap(committedNonce);
        int pendingCount = live.size();
        long expected = live.isEmpty() ? committedNonce : live.lastKey() + 1;
        if (tx.nonce() < expected) {
            String why = tx.nonce() < committedNonce
                    ? "nonce " + tx.nonce() + " was already used; the account's next nonce is " + committedNonce
                    : "nonce " + tx.nonce() + " is taken by a pending transaction; the next free nonce is " + expected;
            return Optional.of(TxRejection.of(Reason.NONCE_TOO_LOW, why));
        }
        if (tx.nonce() > expected) {
            return Optional.of(TxRejection.of(Reason.NONCE_TOO_HIGH,
                    "nonce " + tx.nonce() + " leaves a gap; the next nonce for " + sender + " is " + expected));
        }
        long needed = spend(tx);
        for (Transaction p : live.values()) {
            needed = Math.addExact(needed, spend(p));
        }
        long balance = state.balance(sender);
        if (balance < needed) {
            return Optional.of(TxRejection.of(Reason.INSUFFICIENT_BALANCE, "balance " + balance + " of " + sender
                    + " does not cover " + needed + " (amount plus fee, with pending transactions; base units)"));
        }
        if (pendingCount >= limits.maxPerSender()) {
            return Optional.of(TxRejection.of(Reason.SENDER_LIMIT, "sender " + sender + " already has " + pendingCount
                    + " pending transactions, the most one sender may have in this node's pool (mempool.maxPerSender); retry after they commit"));
        }
        long gas = BlockGas.of(tx);
        if (gas > 0) {
            long pendingGas = 0;
            for (Transaction p : live.values()) {
                pendingGas += BlockGas.of(p);
            }
            if (pendingGas + gas > limits.maxGasPerSender()) {
                return Optional.of(TxRejection.of(Reason.SENDER_LIMIT, "sender " + sender + " has contract transactions declaring "
                        + pendingGas + " gas pending; with this one's " + gas + " that is over the " + limits.maxGasPerSender()
                        + " one sender may have in this node's pool (mempool.maxGasPerSender); retry after they commit"));
            }
        }
        if (byId.size() >= limits.maxTransactions() || bytes + tx.encodedSize() > limits.maxBytes()) {
            return Optional.of(TxRejection.of(Reason.POOL_FULL, "the transaction pool is full (" + byId.size()
                    + " transactions); try again after the next block"));
        }
        byId.put(tx.id(), tx);
        bySender.computeIfAbsent(sender, s -> new TreeMap<>()).put(tx.nonce(), tx);
        bytes += tx.encodedSize();
        gossipedAt.put(tx.id(), System.nanoTime());
        return Optional.empty();
    }

    /**
     * Pending transactions last gossiped at least {@code intervalNanos} ago, each sender's in nonce
     * order, at most {@code max}; marks them gossiped now. Re-gossip is how a transaction that a peer
     * dropped or refused (it arrived before the one it follows) still reaches the primary.
     */
    public synchronized List<Transaction> dueForRegossip(long nowNanos, long intervalNanos, int max) {
        List<Transaction> out = new ArrayList<>();
        for (TreeMap<Long, Transaction> m : bySender.values()) {
            for (Transaction tx : m.values()) {
                if (out.size() >= max) {
                    return out;
                }
                Long at = gossipedAt.get(tx.id());
                if (at == null || nowNanos - at >= intervalNanos) {
                    out.add(tx);
                    gossipedAt.put(tx.id(), nowNanos);
                }
            }
        }
        return out;
    }

    /**
     * What a transaction can take from its sender: the MTN it moves (a transfer's amount, a join's fee, a
     * contract transaction's value plus its whole gas limit at the gas price; nothing for the other kinds) plus the base fee.
     */
    private long spend(Transaction tx) {
        return Math.addExact(StateChecks.amountOf(tx, gasPrice), baseFee);
    }

    /** Up to {@code maxTxs} transactions and {@code maxBytes} bytes, each sender's in nonce order, senders taken round-robin. */
    public synchronized List<Transaction> take(int maxTxs, long maxBytes) {
        return take(maxTxs, maxBytes, Long.MAX_VALUE, 0);
    }

    /**
     * Up to {@code maxTxs} transactions, {@code maxBytes} bytes and {@code maxGas} declared gas ({@link BlockGas}),
     * each sender's in nonce order, senders taken round-robin. A sender whose next transaction does not fit the
     * gas left is passed over for the rest of this block (its later nonces cannot go first) while the others
     * go on filling it; nothing is removed, so what did not fit is offered again for the next block. Each call
     * starts one sender further on, so the senders that arrived first do not always take the gas first.
     */
    public synchronized List<Transaction> takeForBlock(int maxTxs, long maxBytes, long maxGas) {
        List<Transaction> out = take(maxTxs, maxBytes, maxGas, rotation);
        rotation = (rotation + 1) % (1 << 30);
        return out;
    }

    private List<Transaction> take(int maxTxs, long maxBytes, long maxGas, int start) {
        List<Transaction> out = new ArrayList<>(Math.min(maxTxs, byId.size()));
        List<Iterator<Transaction>> cursors = new ArrayList<>(bySender.size());
        for (TreeMap<Long, Transaction> m : bySender.values()) {
            cursors.add(m.values().iterator());
        }
        if (!cursors.isEmpty()) {
            Collections.rotate(cursors, -(start % cursors.size()));
        }
        long used = 0;
        long gas = 0;
        boolean progress = true;
        while (progress && out.size() < maxTxs) {
            progress = false;
            for (int i = 0; i < cursors.size(); i++) {
                Iterator<Transaction> it = cursors.get(i);
                if (out.size() >= maxTxs || !it.hasNext()) {
                    continue;
                }
                Transaction tx = it.next();
                if (used + tx.encodedSize() > maxBytes) {
                    return out;
                }
                long g = BlockGas.of(tx);
                if (g > maxGas - gas) {
                    cursors.set(i, Collections.emptyIterator());
                    continue;
                }
                out.add(tx);
                used += tx.encodedSize();
                gas += g;
                progress = true;
            }
        }
        return out;
    }

    /** Drops what a committed block included and whatever its commit made stale (nonces now used). */
    public synchronized void removeCommitted(List<Transaction> committed, AccountState state) {
        for (Transaction tx : committed) {
            gossipedAt.remove(tx.id());
            Transaction removed = byId.remove(tx.id());
            if (removed != null) {
                bytes -= removed.encodedSize();
            }
            TreeMap<Long, Transaction> m = bySender.get(tx.senderAddress());
            if (m != null) {
                m.remove(tx.nonce(), tx);
            }
        }
        Iterator<Map.Entry<Address, TreeMap<Long, Transaction>>> it = bySender.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Address, TreeMap<Long, Transaction>> e = it.next();
            long next = state.nonce(e.getKey());
            TreeMap<Long, Transaction> m = e.getValue();
            while (!m.isEmpty() && m.firstKey() < next) {
                Transaction stale = m.pollFirstEntry().getValue();
                byId.remove(stale.id());
                gossipedAt.remove(stale.id());
                bytes -= stale.encodedSize();
            }
            if (!m.isEmpty() && m.firstKey() > next) {
                // A gap: a transaction of this sender that the pool held was not the one committed. Later ones cannot run now.
                for (Transaction orphan : m.values()) {
                    byId.remove(orphan.id());
                    gossipedAt.remove(orphan.id());
                    bytes -= orphan.encodedSize();
                }
                m.clear();
            }
            if (m.isEmpty()) {
                it.remove();
            }
        }
    }

    public synchronized int size() {
        return byId.size();
    }

    public synchronized boolean contains(Hash32 id) {
        return byId.containsKey(id);
    }

    public synchronized long bytes() {
        return bytes;
    }
}
