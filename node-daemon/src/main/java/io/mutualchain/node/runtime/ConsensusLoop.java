package io.mutualchain.node.runtime;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.ledger.Receipt;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.node.sync.BlockSync;
import io.mutualchain.node.sync.SyncMessage;
import io.mutualchain.p2p.Channel;
import io.mutualchain.pbft.CommittedBlock;
import io.mutualchain.pbft.Outbound;
import io.mutualchain.pbft.RejectReason;
import io.mutualchain.pbft.StepResult;
import io.mutualchain.pbft.SyncRequest;
import io.mutualchain.pbft.PbftEngine;
import io.mutualchain.pbft.PersistOp;
import io.mutualchain.pbft.Ready;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that drives the consensus engine and writes the ledger. Everything that touches
 * the engine runs as a task on this thread: clock ticks, proposals, and (with peers) inbound
 * messages. After every event it drains the engine's {@code Ready} in the documented order:
 * persist (synced) before anything is sent, then send, then apply committed blocks, then
 * {@code advance}. A ledger failure while applying a committed block stops the node (fail-stop):
 * going on would mean voting on a state the node does not have.
 */
final class ConsensusLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsensusLoop.class);

    private final PbftEngine engine;
    private final Ledger ledger;
    private final Mempool mempool;
    private final LedgerAccounts accounts;
    private final PublicKey self;
    private final ChainParams params;
    private final long emptyBlockIntervalMs;
    private final int tickMs;
    private final Consumer<Throwable> onFatal;
    private final ScheduledExecutorService thread;
    private final Network network;
    private final NodeStats stats;
    private final BlockSync sync;
    /** Inbound consensus messages and synced blocks waiting for the loop; beyond the bound they are dropped (PBFT retransmits). */
    static final int MAX_PENDING_INBOUND = 20_000;
    private final AtomicInteger pendingInbound = new AtomicInteger();
    private final AtomicLong droppedInbound = new AtomicLong();
    private final AtomicLong refusedMessages = new AtomicLong();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final List<Consumer<Block>> commitListeners = new ArrayList<>();
    private volatile boolean stopped;
    /** The engine's view, published for other threads (the engine itself is confined to this loop). */
    private volatile long view;
    private volatile long viewChanges;

    ConsensusLoop(PbftEngine engine, Ledger ledger, Mempool mempool, PublicKey self, long emptyBlockIntervalMs, int tickMs,
                  Network network, NodeStats stats, Consumer<Throwable> onFatal) {
        this.stats = stats;
        this.network = network;
        this.sync = new BlockSync(new LedgerBlocks(ledger), this::deliverSynced, network);
        this.engine = engine;
        this.ledger = ledger;
        this.mempool = mempool;
        this.accounts = new LedgerAccounts(ledger);
        this.self = self;
        this.params = ledger.genesis().params();
        this.emptyBlockIntervalMs = emptyBlockIntervalMs;
        this.tickMs = tickMs;
        this.onFatal = onFatal;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "consensus");
            t.setDaemon(true);
            return t;
        });
    }

    /** Registers a listener called on the consensus thread after each block is committed and applied. */
    void onCommit(Consumer<Block> listener) {
        commitListeners.add(listener);
    }

    void start() {
        thread.scheduleAtFixedRate(() -> run(this::tick), tickMs, tickMs, TimeUnit.MILLISECONDS);
        if (network != Network.NONE) {
            thread.scheduleWithFixedDelay(() -> run(() -> sync.periodic(System.currentTimeMillis())),
                    BlockSync.STATUS_INTERVAL_MS, BlockSync.STATUS_INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
        wake();
    }

    /** A consensus message from a peer (called on network threads). */
    void deliver(PublicKey from, byte[] message) {
        enqueue(() -> {
            StepResult r = engine.step(from, message);
            if (!r.isAccepted()) {
                refusedMessages.incrementAndGet();
                if (r.reason() == RejectReason.MALFORMED || r.reason() == RejectReason.BAD_SIGNATURE) {
                    network.penalize(from, "consensus message refused: " + r);
                } else {
                    LOG.debug("consensus message from {} refused: {}", from, r);
                }
            }
        });
    }

    /** A block with its certificate fetched from a peer. */
    private void deliverSynced(PublicKey from, SyncMessage.CertifiedBlock b) {
        enqueue(() -> {
            if (b.block().height() <= ledger.height()) {
                return;
            }
            StepResult r = engine.synced(b.block(), b.certificate());
            if (!r.isAccepted() && r.reason() == RejectReason.INVALID_CERTIFICATE) {
                network.penalize(from, "synced block " + b.block().height() + " refused: " + r.message());
            }
        });
    }

    /** BLOCK_SYNC frames from peers. */
    BlockSync sync() {
        return sync;
    }

    private void enqueue(Runnable task) {
        if (stopped) {
            return;
        }
        if (pendingInbound.incrementAndGet() > MAX_PENDING_INBOUND) {
            pendingInbound.decrementAndGet();
            droppedInbound.incrementAndGet();
            return;
        }
        try {
            thread.execute(() -> {
                pendingInbound.decrementAndGet();
                run(task);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pendingInbound.decrementAndGet();
        }
    }

    /** Asks the loop to consider proposing now (a transaction arrived); coalesces bursts into one task. */
    void wake() {
        if (!stopped && wakePending.compareAndSet(false, true)) {
            thread.execute(() -> run(() -> {
                wakePending.set(false);
                maybePropose();
            }));
        }
    }

    private void run(Runnable task) {
        if (stopped) {
            return;
        }
        try {
            task.run();
            drain();
        } catch (Throwable t) {
            stopped = true;
            LOG.error("consensus loop stopped: {}", t.toString(), t);
            onFatal.accept(t);
        }
    }

    private void tick() {
        engine.tick();
        maybePropose();
    }

    /** Proposes the next block if this node may and there is a reason to (transactions, or the empty-block interval passed). */
    private boolean maybePropose() {
        if (!engine.canPropose()) {
            return false;
        }
        long now = System.currentTimeMillis();
        List<Transaction> txs = mempool.take(params.maxBlockTxs(), params.maxBlockBytes() - 4096L);
        if (txs.isEmpty() && now - ledger.lastBlockTimeMs() < emptyBlockIntervalMs) {
            return false;
        }
        Block block = BlockBuilder.build(ledger.genesis().chainId(), engine.nextProposalHeight(), ledger.lastBlockHash(),
                ledger.lastBlockTimeMs(), ledger.stateRoot(), txs, self, engine.view(), now);
        engine.propose(block);
        return true;
    }

    /**
     * Acts on everything the engine has asked for. When that applied a block, the primary proposes
     * the next one at once (if it has transactions) rather than at the next tick or arrival.
     */
    private void drain() throws LedgerException {
        boolean applied;
        do {
            applied = drainReady();
        } while (applied && maybePropose());
        publishStatus();
    }

    private boolean drainReady() throws LedgerException {
        boolean applied = false;
        while (engine.hasReady()) {
            Ready ready = engine.ready();
            persist(ready.persist());
            for (Outbound m : ready.messages()) {
                if (m.to().isPresent()) {
                    network.send(m.to().get(), Channel.CONSENSUS, m.payload());
                } else {
                    network.broadcast(Channel.CONSENSUS, m.payload());
                }
            }
            for (CommittedBlock c : ready.committed()) {
                apply(c);
                applied = true;
            }
            long now = System.currentTimeMillis();
            for (SyncRequest r : ready.syncRequests()) {
                sync.request(r.fromHeight(), r.toHeight(), r.holders(), now);
            }
            engine.advance(ready);
        }
        return applied;
    }

    private void publishStatus() {
        long newView = engine.view();
        if (newView != view) {
            LOG.warn("view {} -> {}: primary is now {}{}", view, newView, engine.primary(),
                    engine.isPrimary() ? " (this node)" : "");
        }
        view = newView;
        viewChanges = engine.viewChanges();
    }

    private void persist(List<PersistOp> ops) throws LedgerException {
        if (ops.isEmpty()) {
            return;
        }
        List<Map.Entry<byte[], byte[]>> puts = new ArrayList<>();
        List<byte[]> deletes = new ArrayList<>();
        for (PersistOp op : ops) {
            if (op.isDelete()) {
                deletes.add(op.keyBytes());
            } else {
                puts.add(Map.entry(op.keyBytes(), op.value()));
            }
        }
        ledger.consensusWrite(puts, deletes);
    }

    private void apply(CommittedBlock c) throws LedgerException {
        Block block = c.block();
        if (block.height() <= ledger.height()) {
            return; // already applied before a restart
        }
        List<Receipt> receipts = ledger.commit(block, c.certificate());
        engine.applied(block.height(), block.hash(), ledger.stateRoot());
        mempool.removeCommitted(block.transactions(), accounts);
        long failed = receipts.stream().filter(r -> r.status() != Receipt.Status.SUCCESS).count();
        stats.committedBlocks.incrementAndGet();
        stats.committedTxs.addAndGet(block.transactions().size() - failed);
        stats.failedTxs.addAndGet(failed);
        LOG.info("committed block {} {} txs={}{} view={}", block.height(), block.hash(), block.transactions().size(),
                failed == 0 ? "" : " failed=" + failed, c.certificate().view());
        for (Consumer<Block> l : commitListeners) {
            l.accept(block);
        }
    }

    long view() {
        return view;
    }

    long viewChanges() {
        return viewChanges;
    }

    long droppedInbound() {
        return droppedInbound.get();
    }

    long refusedMessages() {
        return refusedMessages.get();
    }

    @Override
    public void close() {
        stopped = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }
}
