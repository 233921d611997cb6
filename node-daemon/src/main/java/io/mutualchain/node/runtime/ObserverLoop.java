package io.mutualchain.node.runtime;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.ledger.Receipt;
import java.util.List;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.node.sync.BlockSync;
import io.mutualchain.node.sync.SyncMessage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An observer's chain follower: no consensus engine, no votes. It fetches blocks from its peers
 * and applies them in order after the ledger has verified each block's commit certificate against
 * the validator set; a block that fails is dropped and the peer that sent it is banned for a while.
 */
final class ObserverLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ObserverLoop.class);
    /** Blocks waiting to be applied; more are dropped and fetched again later. */
    static final int MAX_PENDING_BLOCKS = 1_024;

    private final Ledger ledger;
    private final Mempool mempool;
    private final Network network;
    private final NodeStats stats;
    private final BlockSync sync;
    private final ScheduledExecutorService thread;
    private final AtomicInteger pending = new AtomicInteger();
    private final Consumer<Throwable> onFatal;
    private volatile boolean stopped;

    ObserverLoop(Ledger ledger, Mempool mempool, Network network, NodeStats stats, Consumer<Throwable> onFatal) {
        this.stats = stats;
        this.ledger = ledger;
        this.mempool = mempool;
        this.network = network;
        this.onFatal = onFatal;
        this.sync = new BlockSync(new LedgerBlocks(ledger), this::offer, network);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "observer");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        thread.scheduleWithFixedDelay(() -> sync.periodic(System.currentTimeMillis()), 0, BlockSync.STATUS_INTERVAL_MS,
                TimeUnit.MILLISECONDS);
    }

    BlockSync sync() {
        return sync;
    }

    private void offer(PublicKey from, SyncMessage.CertifiedBlock b) {
        if (stopped || pending.incrementAndGet() > MAX_PENDING_BLOCKS) {
            pending.decrementAndGet();
            return;
        }
        try {
            thread.execute(() -> {
                pending.decrementAndGet();
                apply(from, b);
            });
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
        }
    }

    private void apply(PublicKey from, SyncMessage.CertifiedBlock b) {
        Block block = b.block();
        if (stopped || block.height() != ledger.height() + 1) {
            return;
        }
        try {
            List<Receipt> receipts = ledger.commit(block, b.certificate());
            long failed = receipts.stream().filter(r -> r.status() != Receipt.Status.SUCCESS).count();
            stats.committedBlocks.incrementAndGet();
            stats.committedTxs.addAndGet(receipts.size() - failed);
            stats.failedTxs.addAndGet(failed);
        } catch (LedgerException e) {
            network.penalize(from, "block " + block.height() + " does not fit our chain: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            stopped = true;
            onFatal.accept(e);
            return;
        }
        mempool.removeCommitted(block.transactions(), new LedgerAccounts(ledger));
        LOG.info("synced block {} {} txs={}", block.height(), block.hash(), block.transactions().size());
        if (block.height() % 100 == 0 || block.height() == sync.highestPeerHeight()) {
            LOG.debug("observer at height {} of {}", block.height(), sync.highestPeerHeight());
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
