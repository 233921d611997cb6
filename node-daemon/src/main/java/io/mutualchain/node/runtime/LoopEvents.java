package io.mutualchain.node.runtime;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.Receipt;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.pbft.CommittedBlock;
import io.mutualchain.pbft.LocalClock;
import io.mutualchain.pbft.PbftEngine;
import io.mutualchain.pbft.ViewChangeCause;
import io.mutualchain.pbft.drive.DriverEvents;
import io.mutualchain.pbft.drive.EpochPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's callbacks on the consensus loop's thread, and the status they publish for other
 * threads: after a block, the pool, statistics, the commit log line, the block-time watch and the
 * commit listeners; at an epoch switch, the set, this node's role and the view, with the log line
 * that says which role; after each drain, the view and its change log. The engine stays confined to
 * the loop; only these volatile values cross threads.
 */
final class LoopEvents implements DriverEvents {
    // Logged under the loop's name, as before the split, so operators' log filters keep matching.
    private static final Logger LOG = LoggerFactory.getLogger(ConsensusLoop.class);

    private final Supplier<Optional<PbftEngine>> engine;
    private final LedgerChain chain;
    private final LedgerEpochs epochs;
    private final Ledger ledger;
    private final Mempool mempool;
    private final LedgerAccounts accounts;
    private final PublicKey self;
    private final NodeStats stats;
    private final LocalClock clock;
    private final ClockWatch clockWatch;
    /** The highest height a peer reports, from block sync (which exists once the loop starts). */
    private final LongSupplier highestPeerHeight;
    private final List<Consumer<Block>> commitListeners = new ArrayList<>();
    /** The engine's view, published for other threads (the engine itself is confined to the loop). */
    private final ViewChangeCounts viewChangeCauses = new ViewChangeCounts();
    /** The engine's last reported cause, so each is logged and counted once (consensus thread only). */
    private ViewChangeCause lastCause;
    private volatile long view;
    private volatile long viewChanges;
    private volatile boolean validating;
    private volatile ValidatorSet currentSet;

    /** @param engine this epoch's engine (the driver's), empty while this node observes */
    LoopEvents(Supplier<Optional<PbftEngine>> engine, LedgerChain chain, LedgerEpochs epochs, Ledger ledger, Mempool mempool, PublicKey self,
               NodeStats stats, LocalClock clock, LongSupplier highestPeerHeight) {
        this.engine = engine;
        this.chain = chain;
        this.epochs = epochs;
        this.ledger = ledger;
        this.mempool = mempool;
        this.accounts = new LedgerAccounts(ledger);
        this.self = self;
        this.stats = stats;
        this.clock = clock;
        this.clockWatch = new ClockWatch(ledger.genesis().params());
        this.highestPeerHeight = highestPeerHeight;
    }

    /** Registers a listener called on the consensus thread after each block is committed and applied. */
    void onCommit(Consumer<Block> listener) {
        commitListeners.add(listener);
    }

    @Override
    public void applied(CommittedBlock c, How how) {
        afterCommit(c.block(), c.certificate().view(), chain.lastReceipts(), how == How.COMMITTED ? "committed" : "synced");
    }

    @Override
    public void epochOpened(EpochPlan plan) {
        currentSet = plan.validators();
        PbftEngine e = engine.get().orElse(null);
        validating = e != null;
        view = e == null ? 0 : e.view(); // views count per epoch: a new epoch is not a view change
        if (plan.votes()) {
            LOG.info("epoch from height {}: {} validators (quorum {}); this node votes", plan.firstHeight(), plan.validators().size(),
                    plan.validators().quorum());
        } else if (plan.validators().contains(self)) {
            LOG.warn("this node is a validator of the epoch from height {} but does not vote: its store was rebuilt from peers, so it"
                    + " cannot prove what it signed up to height {} (head marker {}); it follows as an observer and votes again once it"
                    + " has applied height {}, the first checkpoint above that (now at {})", plan.firstHeight(), plan.silentThrough(),
                    ledger.markerFile(), epochs.votingResumesAt(), ledger.height());
        } else {
            LOG.info("epoch from height {}: {} validators; this node is not one of them and follows as an observer",
                    plan.firstHeight(), plan.validators().size());
        }
    }

    /** After each drain: publishes the view and the count of view changes, and logs a change of view. */
    void publishStatus(long driverViewChanges) {
        viewChanges = driverViewChanges;
        PbftEngine e = engine.get().orElse(null);
        if (e == null) {
            view = 0;
            return;
        }
        e.lastViewChangeCause().filter(c -> c != lastCause).ifPresent(c -> {
            lastCause = c;
            viewChangeCauses.count(c.kind());
            LOG.warn("view change started: {}", c);
        });
        long newView = e.view();
        if (newView != view) {
            LOG.warn("view {} -> {}: primary is now {}{}", view, newView, e.primary(),
                    e.isPrimary() ? " (this node)" : "");
        }
        view = newView;
    }

    private void afterCommit(Block block, long certView, List<Receipt> receipts, String how) {
        mempool.removeCommitted(block.transactions(), accounts);
        long failed = receipts.stream().filter(r -> r.status() != Receipt.Status.SUCCESS).count();
        stats.committedBlocks.incrementAndGet();
        stats.committedTxs.addAndGet(block.transactions().size() - failed);
        stats.failedTxs.addAndGet(failed);
        LOG.info("{} block {} {} txs={}{} view={}", how, block.height(), block.hash(), block.transactions().size(),
                failed == 0 ? "" : " failed=" + failed, certView);
        clockWatch.committed(block.height(), block.header().timestampMs(), clock.nowMs(),
                        ledger.height() + NodeMetrics.READY_LAG_BLOCKS >= highestPeerHeight.getAsLong())
                .ifPresent(LOG::warn);
        for (Consumer<Block> l : commitListeners) {
            l.accept(block);
        }
    }

    long view() {
        return view;
    }

    ViewChangeCounts viewChangeCauses() {
        return viewChangeCauses;
    }

    long viewChanges() {
        return viewChanges;
    }

    /** Whether this node votes in the current epoch (false: observer). */
    boolean isValidator() {
        return validating;
    }

    /** The validator set of the current epoch. */
    ValidatorSet validators() {
        return currentSet;
    }

    /** This node's clock minus the time of the last block, when it was committed here. */
    long blockTimeLagMs() {
        return clockWatch.lastLagMs();
    }
}
