package io.mutualchain.pbft.drive;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.pbft.BlockValidator;
import io.mutualchain.pbft.CommittedBlock;
import io.mutualchain.pbft.LocalClock;
import io.mutualchain.pbft.PbftConfig;
import io.mutualchain.pbft.PbftEngine;
import io.mutualchain.pbft.Ready;
import io.mutualchain.pbft.SyncRequest;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Carries out the engine's {@link Ready} in the documented order (docs/consensus.md §1), applies the
 * blocks it commits, and runs one engine per validator epoch. The daemon's consensus loop and every
 * simulated replica use this class, so the seeds prove the production loop.
 *
 * <p>Per {@code Ready}: write the records durably; if messages are to leave, first record the
 * signable-through bound (stable checkpoint + L), then send; apply the committed blocks in height
 * order (chain write, then {@link PbftEngine#applied}, then tell the engine where its epoch ends if the
 * chain has just scheduled that); start the sync requests; {@link PbftEngine#advance}; and once the
 * epoch's last block is applied, open the next epoch (a new engine, or observer mode).
 *
 * <p>Not thread-safe: one thread owns the driver and its engine. Any exception from a port escapes
 * as is, leaving the engine between steps; the caller must then stop driving this node (the daemon
 * halts, the simulator crashes the replica) and restart it from the store and the chain.
 *
 * @param <X> what the store and the chain throw when a read or write fails
 */
public final class ConsensusDriver<X extends Exception> {
    private final PbftConfig config;
    private final KeyPair key;
    private final BlockValidator validator;
    private final ConsensusStore<X> store;
    private final Transport transport;
    private final BlockApplier<X> chain;
    private final SyncRequester sync;
    private final EpochSource epochs;
    private final DriverEvents events;
    private final Set<LoopFault> faults;
    /** This epoch's engine; null while observing or before {@link #open}. */
    private PbftEngine engine;
    private EpochPlan plan;
    /** View changes of the engines of earlier epochs, so the count keeps growing across epochs. */
    private long pastViewChanges;

    /**
     * @param config    this node's engine settings; each epoch's base and the clock are set here
     * @param clock     this node's clock, which the engine reads for the block-time rule
     * @param validator the application's check of proposed blocks
     */
    public ConsensusDriver(PbftConfig config, LocalClock clock, KeyPair key, BlockValidator validator, DriverPorts<X> ports) {
        this(config.withClock(clock), key, validator, ports, EnumSet.noneOf(LoopFault.class));
    }

    private ConsensusDriver(PbftConfig config, KeyPair key, BlockValidator validator, DriverPorts<X> ports, Set<LoopFault> faults) {
        this.config = config;
        this.key = key;
        this.validator = validator;
        this.store = ports.store();
        this.transport = ports.transport();
        this.chain = ports.chain();
        this.sync = ports.sync();
        this.epochs = ports.epochs();
        this.events = ports.events();
        this.faults = faults.isEmpty() ? EnumSet.noneOf(LoopFault.class) : EnumSet.copyOf(faults);
    }

    /** Test-only: the same driver with deliberate contract breaches (see {@link LoopFault}). */
    ConsensusDriver<X> withFaults(Set<LoopFault> broken) {
        return new ConsensusDriver<>(config, key, validator,
                new DriverPorts<>(store, transport, chain, sync, epochs, events), broken);
    }

    /** This epoch's engine; empty while this node observes (or before {@link #open}). */
    public Optional<PbftEngine> engine() {
        return Optional.ofNullable(engine);
    }

    /** Whether this node runs an engine in the current epoch. */
    public boolean validating() {
        return engine != null;
    }

    /** The epoch in force; null before {@link #open}. */
    public EpochPlan epoch() {
        return plan;
    }

    /** View changes over every epoch this driver has run. */
    public long viewChanges() {
        return pastViewChanges + (engine == null ? 0 : engine.viewChanges());
    }

    /**
     * Opens the epoch the chain's next height is in: its engine, restored from the store's records
     * and the chain's head, or observer mode. Called at start (a restart) and by the driver itself
     * when an epoch ends. A failed read of the records throws, and nothing is opened.
     */
    public void open() throws X {
        EpochPlan next = epochs.current();
        PbftEngine opened = null;
        if (next.votes()) {
            opened = new PbftEngine(config.withEpochBase(next.base()), key, next.validators(), validator,
                    store.records(), chain.height(), chain.headHash(), chain.stateRoot());
            opened.staySilentThrough(next.silentThrough());
            noteScheduledEnd(opened, next.base());
        }
        if (engine != null) {
            pastViewChanges += engine.viewChanges();
        }
        engine = opened;
        plan = next;
        events.epochOpened(next);
    }

    /**
     * Acts on everything the engine has asked for, until it has nothing more (opening the next epoch
     * on the way if this one ends). Returns whether a committed block was applied.
     */
    public boolean drain() throws X {
        boolean applied = false;
        while (engine != null && engine.hasReady()) {
            PbftEngine current = engine;
            Ready ready = current.ready();
            if (faults.contains(LoopFault.SEND_BEFORE_PERSIST)) {
                send(current, ready);
                persist(ready);
            } else {
                persist(ready);
                send(current, ready);
            }
            applied |= applyAll(current, ready);
            for (SyncRequest r : ready.syncRequests()) {
                sync.request(r);
            }
            current.advance(ready);
            if (current.epochFinished()) {
                open(); // its first Ready deletes the old epoch's records before anything is sent
            }
        }
        return applied;
    }

    private void persist(Ready ready) throws X {
        if (ready.persist().isEmpty()) {
            return;
        }
        store.persist(ready.persist());
    }

    private void send(PbftEngine current, Ready ready) throws X {
        if (ready.messages().isEmpty()) {
            return;
        }
        if (!faults.contains(LoopFault.SKIP_COVER)) {
            // Before anything signed leaves: the durable bound must cover every height this engine may sign.
            store.coverSignableThrough(current.stableCheckpointHeight() + config.watermarkWindow());
        }
        transport.send(ready.messages());
    }

    private boolean applyAll(PbftEngine current, Ready ready) throws X {
        if (faults.contains(LoopFault.ADVANCE_WITHOUT_APPLY)) {
            return false;
        }
        boolean applied = false;
        for (CommittedBlock c : ready.committed()) {
            applied |= apply(current, c);
        }
        return applied;
    }

    /** Chain write, then the engine learns the state root, then (if the block scheduled it) where the epoch ends. */
    private boolean apply(PbftEngine current, CommittedBlock c) throws X {
        if (c.height() <= chain.height()) {
            return false; // applied before a restart
        }
        Hash32 root = chain.apply(c);
        current.applied(c.height(), c.block().hash(), root);
        noteScheduledEnd(current, plan.base());
        events.applied(c, DriverEvents.How.COMMITTED);
        return true;
    }

    private void noteScheduledEnd(PbftEngine e, long base) {
        if (e.epochEnd() == PbftEngine.NO_EPOCH_END) {
            epochs.scheduledEnd(base).ifPresent(e::endEpochAt);
        }
    }

    /**
     * Observer mode: a block fetched from {@code from}. Applies it if it is the next height and the
     * chain accepts it, then opens the next epoch if the node's part changes there (a new set, or
     * voting resumes). Returns whether it was applied. A validator hands synced blocks to its engine
     * instead.
     */
    public boolean follow(PublicKey from, CommittedBlock block) throws X {
        if (engine != null) {
            throw new IllegalStateException("a validator's synced blocks go to its engine");
        }
        if (block.height() != chain.height() + 1 || !chain.follow(from, block)) {
            return false;
        }
        events.applied(block, DriverEvents.How.SYNCED);
        EpochPlan now = epochs.current();
        if (now.base() != plan.base() || now.votes()) {
            open();
        }
        return true;
    }
}
