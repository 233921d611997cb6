package io.mutualchain.node.runtime;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.ledger.Receipt;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.pbft.CommittedBlock;
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
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final List<Consumer<Block>> commitListeners = new ArrayList<>();
    private volatile boolean stopped;
    /** The engine's view, published for other threads (the engine itself is confined to this loop). */
    private volatile long view;

    ConsensusLoop(PbftEngine engine, Ledger ledger, Mempool mempool, PublicKey self, long emptyBlockIntervalMs, int tickMs,
                  Consumer<Throwable> onFatal) {
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
        wake();
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

    private void maybePropose() {
        if (!engine.canPropose()) {
            return;
        }
        long now = System.currentTimeMillis();
        List<Transaction> txs = mempool.take(params.maxBlockTxs(), params.maxBlockBytes() - 4096L);
        if (txs.isEmpty() && now - ledger.lastBlockTimeMs() < emptyBlockIntervalMs) {
            return;
        }
        Block block = BlockBuilder.build(ledger.genesis().chainId(), engine.nextProposalHeight(), ledger.lastBlockHash(),
                ledger.lastBlockTimeMs(), ledger.stateRoot(), txs, self, engine.view(), now);
        engine.propose(block);
    }

    private void drain() throws LedgerException {
        while (engine.hasReady()) {
            Ready ready = engine.ready();
            persist(ready.persist());
            // No peers in a single-validator chain; the P2P transport delivers ready.messages() when there are.
            for (CommittedBlock c : ready.committed()) {
                apply(c);
            }
            engine.advance(ready);
        }
        view = engine.view();
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
        LOG.info("committed block {} {} txs={}{} view={}", block.height(), block.hash(), block.transactions().size(),
                failed == 0 ? "" : " failed=" + failed, c.certificate().view());
        for (Consumer<Block> l : commitListeners) {
            l.accept(block);
        }
    }

    long view() {
        return view;
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
