package io.mutualchain.node.runtime;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.node.net.Network;
import io.mutualchain.node.sync.BlockSync;
import io.mutualchain.node.sync.SyncMessage;
import io.mutualchain.p2p.Channel;
import io.mutualchain.pbft.LocalClock;
import io.mutualchain.pbft.Outbound;
import io.mutualchain.pbft.PbftConfig;
import io.mutualchain.pbft.PbftEngine;
import io.mutualchain.pbft.drive.ConsensusDriver;
import io.mutualchain.pbft.drive.DriverPorts;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
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
 * {@link LedgerChain} and {@link LedgerEpochs}. This class is the thread and its task discipline: the
 * bounded queue, the coalesced wake-up, the tick, the drain and halting. What a task does is
 * elsewhere: {@link ConsensusInbound} steps the engine with a peer's message or synced block,
 * {@link Proposer} builds this node's proposals, and {@link LoopEvents} takes the driver's callbacks
 * (statistics, logs, listeners) and publishes the view and the epoch's set. Anything that escapes a task on this thread (a {@link io.mutualchain.ledger.LocalFault},
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
    /** Inbound consensus messages and synced blocks waiting for the loop; beyond the bound they are dropped (PBFT retransmits). */
    static final int MAX_PENDING_INBOUND = 20_000;
    /** How long {@link #close} lets the task in hand (a block being applied) finish before interrupting it. */
    static final long CLOSE_WAIT_SECONDS = 10;

    /** Carries out the engine's Ready and owns this epoch's engine (none while this node observes). */
    private final ConsensusDriver<LedgerException> driver;
    private final Ledger ledger;
    private final int tickMs;
    private final Consumer<NodeHalt> onHalt;
    /** What the loop is doing, for the FATAL line if it halts. */
    private final LoopActivity activity = new LoopActivity();
    private final ScheduledExecutorService thread;
    private final Network network;
    /** Handed over at {@link #start}: it delivers to this loop, so it is created after it. */
    private BlockSync sync;
    /** This node's clock as consensus reads it (the system clock, shifted only by the test-only offset). */
    private final LocalClock clock;
    private final Proposer proposer;
    private final ConsensusInbound inbound;
    private final LoopEvents events;
    private final AtomicInteger pendingInbound = new AtomicInteger();
    private final AtomicLong droppedInbound = new AtomicLong();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile boolean stopped;

    /**
     * @param engineConfig the engine settings of this node (timers, clock); the driver sets each epoch's base
     * @param epochs       the ledger's validator schedule
     * @param thread       the loop's one thread, created by the composition root; the loop stops it on close
     */
    ConsensusLoop(KeyPair key, PbftConfig engineConfig, Ledger ledger, LedgerEpochs epochs, Mempool mempool, long emptyBlockIntervalMs,
                  int tickMs, Network network, NodeStats stats, ScheduledExecutorService thread, Consumer<NodeHalt> onHalt) {
        this.network = network;
        this.ledger = ledger;
        this.tickMs = tickMs;
        this.onHalt = onHalt;
        this.clock = engineConfig.clock();
        this.thread = thread;
        LedgerChain chain = new LedgerChain(ledger, network, activity);
        this.events = new LoopEvents(this::engine, chain, epochs, ledger, mempool, key.publicKey(), stats, clock,
                () -> sync.highestPeerHeight());
        DriverPorts<LedgerException> ports = new DriverPorts<>(new LedgerConsensusStore(ledger, activity), this::send, chain,
                r -> sync.request(r.fromHeight(), r.toHeight(), r.holders(), System.currentTimeMillis()), epochs, events);
        this.driver = new ConsensusDriver<>(engineConfig, clock, key, new LedgerBlockValidator(ledger), ports);
        this.proposer = new Proposer(ledger, mempool, network, key.publicKey(), clock, emptyBlockIntervalMs, activity);
        events.onCommit(b -> proposer.committed(b.height()));
        this.inbound = new ConsensusInbound(driver, ledger, network, activity);
    }

    /** A unit of work on the loop's thread; any failure in it halts the node. */
    private interface Task {
        void run() throws LedgerException;
    }

    /** Registers a listener called on the consensus thread after each block is committed and applied. */
    void onCommit(Consumer<Block> listener) {
        events.onCommit(listener);
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
        enqueue(() -> inbound.message(from, message, receivedAtMs));
    }

    /** A block with its certificate fetched from a peer (called on sync threads). */
    void deliverSynced(PublicKey from, SyncMessage.CertifiedBlock b) {
        enqueue(() -> inbound.synced(from, b));
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
        } catch (RejectedExecutionException e) {
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
            if (proposer.quorumConnected(events.validators())) {
                engine.tick();
            }
            maybePropose();
        }
    }

    private boolean maybePropose() {
        return proposer.maybePropose(driver.engine().orElse(null), events.validators());
    }

    /** This epoch's engine, for the events (which the driver is built with, so they cannot hold it). */
    private Optional<PbftEngine> engine() {
        return driver.engine();
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
     * Acts on everything the engine has asked for. When that applied a block, the primary proposes
     * the next one at once (if it has transactions) rather than at the next tick or arrival.
     */
    private void drain() throws LedgerException {
        boolean applied;
        do {
            applied = driver.drain();
        } while (applied && maybePropose());
        events.publishStatus(driver.viewChanges());
    }

    long view() {
        return events.view();
    }

    /** Whether this node votes in the current epoch (false: observer). */
    boolean isValidator() {
        return events.isValidator();
    }

    /** The validator set of the current epoch. */
    ValidatorSet validators() {
        return events.validators();
    }

    long viewChanges() {
        return events.viewChanges();
    }

    long droppedInbound() {
        return droppedInbound.get();
    }

    long refusedMessages() {
        return inbound.refusedMessages();
    }

    /** The most transactions this node's next proposal will carry. */
    int proposalMaxTxs() {
        return proposer.proposalMaxTxs();
    }

    /** View changes this node started or joined, by cause. */
    ViewChangeCounts viewChangeCauses() {
        return events.viewChangeCauses();
    }

    /** Proposals this node refused under the block-time rule. */
    long untimelyProposals() {
        return inbound.untimelyProposals();
    }

    /** This node's clock minus the time of the last block, when it was committed here. */
    long blockTimeLagMs() {
        return events.blockTimeLagMs();
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
