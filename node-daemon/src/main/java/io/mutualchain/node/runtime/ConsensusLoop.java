package io.mutualchain.node.runtime;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.ledger.Receipt;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.node.net.Network;
import io.mutualchain.node.sync.BlockSync;
import io.mutualchain.node.sync.SyncMessage;
import io.mutualchain.p2p.Channel;
import io.mutualchain.pbft.CommittedBlock;
import io.mutualchain.pbft.LocalClock;
import io.mutualchain.pbft.Outbound;
import io.mutualchain.pbft.RejectReason;
import io.mutualchain.pbft.StepResult;
import io.mutualchain.pbft.PbftConfig;
import io.mutualchain.pbft.PbftEngine;
import io.mutualchain.pbft.drive.ConsensusDriver;
import io.mutualchain.pbft.drive.DriverEvents;
import io.mutualchain.pbft.drive.DriverPorts;
import io.mutualchain.pbft.drive.EpochPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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
 * messages. After every event it has the {@link ConsensusDriver} (the code the simulator's seeds
 * run) carry out the engine's {@code Ready} in the documented order: persist (synced) before
 * anything is sent, then send, then apply committed blocks, then {@code advance}; the driver reaches
 * the ledger, the network and block sync through the adapters {@link LedgerConsensusStore},
 * {@link LedgerChain} and {@link LedgerEpochs}. This class keeps the thread, the queue, halting,
 * metrics, logs and proposals. Anything that escapes a task on this thread (a {@link io.mutualchain.ledger.LocalFault},
 * a failed write, an {@link Error}, a bug) halts the loop for good before it sends or writes anything
 * more, with one FATAL line ({@link NodeHalt}): going on would mean voting on a state the node does not
 * have. A peer is blamed only for a block that fails verification ({@link BlockRefusedException}).
 *
 * <p>The validator set can change at checkpoint heights (ledger governance). The driver runs one
 * engine per epoch: when the ledger schedules a change it tells the engine where its epoch ends;
 * once that block is applied it starts the next epoch's engine, or, if this node's key is not in
 * the new set, follows the chain as an observer: no engine, blocks come by block sync and the
 * ledger checks each certificate against the set in force at its height. A node voted into the set
 * starts voting at the first height of the epoch that includes it, having synced up to there.
 */
final class ConsensusLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsensusLoop.class);
    /**
     * Bytes of a block's size limit kept free when the pool fills a proposal: the pool counts only the
     * transactions' own encodings, and the encoded block adds its header (a few hundred bytes: chain id,
     * hashes, roots, proposer) and the body's count and length prefixes. A proposal over
     * {@code maxBlockBytes} would be refused by every validator and cost a view change.
     */
    static final long BLOCK_OVERHEAD_BYTES = 4096L;

    /** Carries out the engine's Ready and owns this epoch's engine (none while this node observes). */
    private final ConsensusDriver<LedgerException> driver;
    private final LedgerChain chain;
    private final LedgerEpochs epochs;
    private final Ledger ledger;
    private final Mempool mempool;
    private final LedgerAccounts accounts;
    private final PublicKey self;
    private final ChainParams params;
    private final long emptyBlockIntervalMs;
    private final int tickMs;
    private final Consumer<NodeHalt> onHalt;
    /** What the loop is doing, for the FATAL line if it halts. */
    private final LoopActivity activity = new LoopActivity();
    private final ScheduledExecutorService thread;
    private final Network network;
    private final NodeStats stats;
    /** Handed over at {@link #start}: it delivers to this loop, so it is created after it. */
    private BlockSync sync;
    /** This node's clock as consensus reads it (the system clock, shifted only by the test-only offset). */
    private final LocalClock clock;
    private final ClockWatch clockWatch;
    private final AtomicLong untimelyProposals = new AtomicLong();
    /** Inbound consensus messages and synced blocks waiting for the loop; beyond the bound they are dropped (PBFT retransmits). */
    static final int MAX_PENDING_INBOUND = 20_000;
    /** How long {@link #close} lets the task in hand (a block being applied) finish before interrupting it. */
    static final long CLOSE_WAIT_SECONDS = 10;
    private final AtomicInteger pendingInbound = new AtomicInteger();
    private final AtomicLong droppedInbound = new AtomicLong();
    private final AtomicLong refusedMessages = new AtomicLong();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final List<Consumer<Block>> commitListeners = new ArrayList<>();
    private volatile boolean stopped;
    /** The engine's view, published for other threads (the engine itself is confined to this loop). */
    private volatile long view;
    private volatile long viewChanges;
    private volatile boolean validating;
    private volatile ValidatorSet currentSet;

    /**
     * @param engineConfig the engine settings of this node (timers, clock); the driver sets each epoch's base
     * @param epochs       the ledger's validator schedule
     * @param thread       the loop's one thread, created by the composition root; the loop stops it on close
     */
    ConsensusLoop(KeyPair key, PbftConfig engineConfig, Ledger ledger, LedgerEpochs epochs, Mempool mempool, long emptyBlockIntervalMs,
                  int tickMs, Network network, NodeStats stats, ScheduledExecutorService thread, Consumer<NodeHalt> onHalt) {
        this.stats = stats;
        this.network = network;
        this.epochs = epochs;
        this.ledger = ledger;
        this.mempool = mempool;
        this.accounts = new LedgerAccounts(ledger);
        this.self = key.publicKey();
        this.params = ledger.genesis().params();
        this.emptyBlockIntervalMs = emptyBlockIntervalMs;
        this.tickMs = tickMs;
        this.onHalt = onHalt;
        this.clock = engineConfig.clock();
        this.clockWatch = new ClockWatch(params);
        this.thread = thread;
        this.chain = new LedgerChain(ledger, network, activity);
        DriverPorts<LedgerException> ports = new DriverPorts<>(new LedgerConsensusStore(ledger, activity), this::send, chain,
                r -> sync.request(r.fromHeight(), r.toHeight(), r.holders(), System.currentTimeMillis()), epochs, new Events());
        this.driver = new ConsensusDriver<>(engineConfig, clock, key, new LedgerBlockValidator(ledger), ports);
    }

    /** A unit of work on the loop's thread; any failure in it halts the node. */
    private interface Task {
        void run() throws LedgerException;
    }

    /** Registers a listener called on the consensus thread after each block is committed and applied. */
    void onCommit(Consumer<Block> listener) {
        commitListeners.add(listener);
    }

    /**
     * Opens the epoch the ledger is in (on the caller's thread, before the loop runs), then starts the
     * clock and {@code sync}, whose answers come to {@link #deliverSynced}.
     */
    void start(BlockSync sync) throws LedgerException {
        this.sync = sync;
        driver.open();
        thread.scheduleAtFixedRate(() -> run(this::tick), tickMs, tickMs, TimeUnit.MILLISECONDS);
        if (network != Network.NONE) {
            thread.scheduleWithFixedDelay(() -> run(() -> {
                        activity.now("block sync");
                        sync.periodic(System.currentTimeMillis());
                    }),
                    BlockSync.STATUS_INTERVAL_MS, BlockSync.STATUS_INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
        wake();
    }

    /** A consensus message from a peer (called on network threads). */
    void deliver(PublicKey from, byte[] message) {
        long receivedAtMs = clock.nowMs(); // the block-time rule judges a proposal by its arrival, not its wait in the queue
        enqueue(() -> {
            PbftEngine engine = driver.engine().orElse(null);
            if (engine == null) {
                return; // an observer does not take part; it follows by block sync
            }
            activity.now("handling a consensus message");
            StepResult r = engine.step(from, message, receivedAtMs);
            if (!r.isAccepted()) {
                refusedMessages.incrementAndGet();
                if (r.reason() == RejectReason.UNTIMELY) {
                    untimelyProposals.incrementAndGet();
                    LOG.warn("refused an untimely proposal, {}; the window is the local clock -{} ms/+{} ms. If this keeps happening "
                            + "for every proposer, this node's clock is wrong: check NTP", r.message(),
                            params.clockPrecisionMs() + params.messageDelayMs(), params.clockPrecisionMs());
                } else if (r.reason() == RejectReason.MALFORMED || r.reason() == RejectReason.BAD_SIGNATURE) {
                    network.penalize(from, "consensus message refused: " + r);
                } else {
                    LOG.debug("consensus message from {} refused: {}", from, r);
                }
            }
        });
    }

    /** A block with its certificate fetched from a peer (called on sync threads). */
    void deliverSynced(PublicKey from, SyncMessage.CertifiedBlock b) {
        enqueue(() -> {
            if (b.block().height() <= ledger.height()) {
                return;
            }
            PbftEngine engine = driver.engine().orElse(null);
            if (engine == null) {
                follow(from, b);
                return;
            }
            activity.now("handling synced block " + b.block().height());
            StepResult r = engine.synced(b.block(), b.certificate());
            if (!r.isAccepted() && r.reason() == RejectReason.INVALID_CERTIFICATE) {
                network.penalize(from, "synced block " + b.block().height() + " refused: " + r.message());
            }
        });
    }

    private void enqueue(Task task) {
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

    private void run(Task task) {
        if (stopped) {
            return;
        }
        try {
            task.run();
            activity.now("draining the consensus engine's output");
            drain();
        } catch (Throwable t) {
            // Set first: queued tasks check it, so nothing is sent or written after this point.
            stopped = true;
            NodeHalt halt = new NodeHalt(activity.doing(), ledger.height(), t);
            try {
                LOG.error(halt.fatalLine(), t);
            } finally {
                onHalt.accept(halt);
            }
        }
    }

    private void tick() {
        activity.now("a clock tick");
        PbftEngine engine = driver.engine().orElse(null);
        if (engine != null) {
            if (quorumConnected()) {
                engine.tick();
            }
            maybePropose();
        }
    }

    /**
     * Whether this node has links to enough validators of the epoch to make progress (itself and its
     * connected peers form a quorum). Without them the engine's clock is held: nothing can commit, a
     * VIEW-CHANGE would reach too few to matter, and a node that timed out alone (say it restarted
     * before its peers were reachable) would sit in a higher view than everyone else and not vote
     * until the others change view too (PBFT lets no replica go back to a lower view).
     */
    private boolean quorumConnected() {
        if (network == Network.NONE) {
            return true;
        }
        int linked = 1;
        for (PublicKey peer : network.connected()) {
            linked += currentSet.contains(peer) ? 1 : 0;
        }
        return linked >= currentSet.quorum();
    }

    /** The driver's callbacks: statistics, logs and listeners after a block, published status and logs at an epoch switch. */
    private final class Events implements DriverEvents {
        @Override
        public void applied(CommittedBlock c, How how) {
            afterCommit(c.block(), c.certificate().view(), chain.lastReceipts(), how == How.COMMITTED ? "committed" : "synced");
        }

        @Override
        public void epochOpened(EpochPlan plan) {
            currentSet = plan.validators();
            PbftEngine engine = driver.engine().orElse(null);
            validating = engine != null;
            view = engine == null ? 0 : engine.view(); // views count per epoch: a new epoch is not a view change
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
    }

    /** The driver's transport: the engine's messages on the consensus channel. */
    private void send(List<Outbound> messages) {
        for (Outbound m : messages) {
            if (m.to().isPresent()) {
                network.send(m.to().get(), Channel.CONSENSUS, m.payload());
            } else {
                network.broadcast(Channel.CONSENSUS, m.payload());
            }
        }
    }

    /**
     * Observer mode: a synced block goes to the ledger through the driver; the ledger verifies its
     * certificate against the set in force at its height ({@link LedgerChain#follow}).
     */
    private void follow(PublicKey from, SyncMessage.CertifiedBlock b) throws LedgerException {
        if (!b.certificate().blockHash().equals(b.block().hash()) || b.certificate().height() != b.block().height()) {
            network.penalize(from, "synced block " + b.block().height() + " refused: its certificate is for another block");
            return;
        }
        driver.follow(from, new CommittedBlock(b.block(), b.certificate()));
    }

    /** Proposes the next block if this node may and there is a reason to (transactions, or the empty-block interval passed). */
    private boolean maybePropose() {
        PbftEngine engine = driver.engine().orElse(null);
        if (engine == null || !engine.canPropose() || !quorumConnected()) {
            return false; // without links to a quorum a proposal would only wait, and grow untimely, until they come up
        }
        long now = clock.nowMs();
        OptionalLong timestamp = engine.proposalTimestamp(ledger.lastBlockTimeMs());
        if (timestamp.isEmpty()) {
            return false; // the parent is stamped beyond this clock's precision: wait for the clock rather than propose an untimely block
        }
        activity.now("proposing a block");
        List<Transaction> txs = mempool.takeForBlock(params.maxBlockTxs(), params.maxBlockBytes() - BLOCK_OVERHEAD_BYTES, params.blockGasLimit());
        if (txs.isEmpty() && now - ledger.lastBlockTimeMs() < emptyBlockIntervalMs) {
            return false;
        }
        Block block = BlockBuilder.build(ledger.genesis().chainId(), engine.nextProposalHeight(), ledger.lastBlockHash(),
                ledger.lastBlockTimeMs(), ledger.stateRoot(), ledger.receiptsRoot(), txs, self, engine.view(), timestamp.getAsLong());
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
            applied = driver.drain();
        } while (applied && maybePropose());
        publishStatus();
    }

    private void publishStatus() {
        viewChanges = driver.viewChanges();
        PbftEngine engine = driver.engine().orElse(null);
        if (engine == null) {
            view = 0;
            return;
        }
        long newView = engine.view();
        if (newView != view) {
            LOG.warn("view {} -> {}: primary is now {}{}", view, newView, engine.primary(),
                    engine.isPrimary() ? " (this node)" : "");
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
                        ledger.height() + NodeMetrics.READY_LAG_BLOCKS >= sync.highestPeerHeight())
                .ifPresent(LOG::warn);
        for (Consumer<Block> l : commitListeners) {
            l.accept(block);
        }
    }

    long view() {
        return view;
    }

    /** Whether this node votes in the current epoch (false: observer). */
    boolean isValidator() {
        return validating;
    }

    /** The validator set of the current epoch. */
    ValidatorSet validators() {
        return currentSet;
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

    /** Proposals this node refused under the block-time rule. */
    long untimelyProposals() {
        return untimelyProposals.get();
    }

    /** This node's clock minus the time of the last block, when it was committed here. */
    long blockTimeLagMs() {
        return clockWatch.lastLagMs();
    }

    @Override
    public void close() {
        stopped = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }
}
