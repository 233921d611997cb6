package io.mutualchain.pbft.sim;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.pbft.CommittedBlock;
import io.mutualchain.pbft.Outbound;
import io.mutualchain.pbft.PbftConfig;
import io.mutualchain.pbft.SyncRequest;
import io.mutualchain.pbft.TestFaults;
import io.mutualchain.pbft.drive.BlockApplier;
import io.mutualchain.pbft.drive.ConsensusDriver;
import io.mutualchain.pbft.drive.DriverEvents;
import io.mutualchain.pbft.drive.DriverPorts;
import io.mutualchain.pbft.drive.EpochPlan;
import io.mutualchain.pbft.drive.EpochSource;
import io.mutualchain.pbft.drive.ConsensusStore;
import io.mutualchain.pbft.drive.TestLoopFaults;
import io.mutualchain.pbft.message.MessageCodec;
import io.mutualchain.pbft.message.MessageType;
import io.mutualchain.pbft.message.PbftMessage;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.Signed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs one seed: a fault phase (loss, duplication, delay and reordering, symmetric and asymmetric
 * partitions, crashes and restarts from persisted state, Byzantine wrappers, Twins), then a
 * liveness phase in which network faults stop, crashed replicas restart and the network heals; every
 * honest replica must then commit a block above the highest height committed at the heal within
 * {@link SimParams#livenessBoundTicks()} ticks. Any violation throws {@link SimulationFailure}
 * naming the seed.
 *
 * <p>With {@link SimParams#reconfigure()} the validator set changes the way the ledger changes it:
 * a spare replica (index n, honest) starts as an observer, joins the set for the heights after
 * checkpoint 2K, and validator 0 leaves it after checkpoint 4K. Each change becomes known one block
 * before it takes effect (the latest the ledger can schedule it), every replica then runs a new
 * engine for the new epoch, and replicas outside the set follow by block sync, checking each
 * certificate against the set in force at its height.
 *
 * <p>Time: a tick is {@link #MS_PER_TICK} ms of real time. Each replica has its own clock: honest
 * ones run {@code instance} ms ahead of real time (they differ, a little); a
 * {@link Behaviour#CLOCK_AHEAD} or {@link Behaviour#CLOCK_BEHIND} replica is off by
 * {@link SimParams#clockSkewMs()}, judges proposals by that clock and stamps its blocks with it. The
 * {@link TimeChecker} holds every honest replica's committed blocks to the block-time bound.
 *
 * <p>Every replica runs the daemon's own loop, {@link ConsensusDriver}, over this simulation's
 * store, network and chain. The store fails as a real one does ({@link StoreFault}): a failure
 * escapes the driver and the replica crashes, as the daemon halts, and restarts later from what it
 * had made durable.
 */
public final class Simulation {
    static final String CHAIN_ID = "sim";
    static final Hash32 GENESIS = Sha256.hash(new byte[] {'g'});
    /** Most blocks one sync request is answered with; the engine asks again for the rest. */
    static final int MAX_SYNC_BATCH = 64;
    /** Messages a REPLAY or FORGE node remembers to re-send or mutilate. */
    static final int MAX_HEARD = 256;
    /** One in this many engine-made signatures is verified for real instead of vouched for (see CachingVerifier). */
    static final int VERIFY_SAMPLE = 32;
    /** Restart delay range after a crash, in ticks. */
    static final int MAX_DOWN_TICKS = 120;
    /**
     * How often a replica asks a peer that is ahead for the blocks after its head, as the daemon's
     * block sync does on every status exchange. Observers need it to follow at all; with
     * reconfiguration validators need it too: once a replica has moved to the next epoch it no
     * longer retransmits the last epoch's messages, so a replica that missed the commits of the
     * epoch's last block learns it this way. Without reconfiguration validators rely on the engine's
     * own sync requests only, which keeps those tested on their own.
     */
    static final int STATUS_SYNC_TICKS = 10;
    /** Real time per tick. */
    static final long MS_PER_TICK = 100;
    /** The block-time rule's PRECISION in the simulated chain: 5 ticks. */
    static final int PRECISION_MS = 500;
    /** The block-time rule's MSGDELAY in the simulated chain: 20 ticks, a few retransmissions. */
    static final int MESSAGE_DELAY_MS = 2_000;

    /**
     * @param epochSwitches     validator-set changes that every honest replica has passed (0 to 2)
     * @param skewedProposals   blocks proposed by a replica with a skewed clock
     * @param untimelyRefusals  proposals honest replicas refused under the block-time rule
     * @param storeFaults       store faults that struck, by kind
     */
    public record Result(SimParams params, long ticks, long honestMinHeight, long honestMaxHeight, long viewChangesMax,
                         long messages, long healTick, long livenessTicks, int epochSwitches, long skewedProposals,
                         long untimelyRefusals, Map<StoreFault, Long> storeFaults) {
    }

    private record Event(long tick, long seq, int to, int fromIndex, byte[] payload, CommittedBlock synced) {
    }

    private final SimParams p;
    private final SplittableRandom rnd;
    private final ValidatorSet validators;
    /** Validator sets by epoch base: the set under key E orders heights E + 1 up to the next key. */
    private final TreeMap<Long, ValidatorSet> epochs = new TreeMap<>();
    private final List<KeyPair> keys = new ArrayList<>();
    private final PbftConfig config;
    private final MessageCodec codec;
    private final List<SimNode> nodes = new ArrayList<>();
    private final CachingVerifier verifier;
    private final SafetyChecker checker;
    private final TimeChecker timeChecker;
    private final StoreFaults storeFaults;
    private long skewedProposals;
    private long untimelyRefusals;
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.tick != b.tick ? Long.compare(a.tick, b.tick) : Long.compare(a.seq, b.seq));
    private long seq;
    private long tick;
    private boolean faulty = true;
    private int[] group;
    private final Set<Long> blocked = new HashSet<>();
    private long messages;
    private Consumer<String> trace;

    public Simulation(SimParams params) {
        this(params, new CachingVerifier());
    }

    public Simulation(SimParams params, CachingVerifier verifier) {
        this.p = params;
        this.rnd = new SplittableRandom(params.seed() * 0x9E3779B97F4A7C15L + 17);
        this.verifier = verifier;
        List<Validator> vs = new ArrayList<>();
        int replicas = p.n() + (p.reconfigure() ? 1 : 0);
        for (int i = 0; i < replicas; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) i;
            seed[1] = 77;
            KeyPair k = KeyPair.fromSeed(seed);
            keys.add(k);
            vs.add(new Validator("v" + i, k.publicKey()));
        }
        validators = new ValidatorSet(vs.subList(0, p.n()));
        epochs.put(0L, validators);
        if (p.reconfigure()) {
            epochs.put(2L * p.k(), new ValidatorSet(vs));
            epochs.put(4L * p.k(), new ValidatorSet(vs.subList(1, vs.size())));
        }
        ChainParams params0 = new ChainParams(10_000L, 64 * 1024, 100, 1024 * 1024, p.k(), p.l())
                .withBlockTime(PRECISION_MS, MESSAGE_DELAY_MS);
        config = TestFaults.broken(PbftConfig.of(CHAIN_ID, params0)
                .withViewChangeTimeoutTicks(p.viewChangeTimeoutTicks(), p.maxViewChangeTimeoutTicks())
                .withRetransmitTicks(Math.max(4, p.viewChangeTimeoutTicks() / 3))
                .withSyncRetryTicks(p.viewChangeTimeoutTicks())
                .withVerifier(verifier), p.injected());
        codec = new MessageCodec(replicas, p.l());
        checker = new SafetyChecker(CHAIN_ID, this::validatorsAt, verifier);
        timeChecker = new TimeChecker(PRECISION_MS);
        storeFaults = new StoreFaults(p.seed(), p.storeFaultRate(), () -> faulty);
        for (int i = 0; i < replicas; i++) {
            Behaviour b = i < p.n() ? p.behaviours().get(i) : Behaviour.HONEST;
            nodes.add(new SimNode(i, nodes.size(), keys.get(i), b, p.clockSkewMs()));
            if (b == Behaviour.TWIN) {
                nodes.add(new SimNode(i, nodes.size(), keys.get(i), b, p.clockSkewMs()));
            }
        }
        group = new int[nodes.size()];
        if (twinsPresent()) {
            repartition(false);
        }
    }

    /** Prints every delivered message and commit (golden transcripts, debugging). */
    public Simulation trace(Consumer<String> sink) {
        this.trace = sink;
        return this;
    }

    public List<SimNode> nodesForTest() {
        return nodes;
    }

    private boolean twinsPresent() {
        return nodes.size() > keys.size();
    }

    /** The validator set in force at {@code height}. */
    ValidatorSet validatorsAt(long height) {
        return epochs.floorEntry(height - 1).getValue();
    }

    public Result run() {
        try {
            return runUnchecked();
        } catch (SimulationFailure e) {
            throw e;
        } catch (RuntimeException e) {
            SimulationFailure f = new SimulationFailure(p, "at tick " + tick + ": unexpected " + e);
            f.initCause(e);
            throw f;
        }
    }

    private Result runUnchecked() {
        for (SimNode node : nodes) {
            start(node);
        }
        long healTick = p.faultTicks();
        long baseline = 0;
        long end = healTick + p.livenessBoundTicks();
        for (tick = 0; tick <= end; tick++) {
            if (tick == healTick) {
                heal();
                baseline = maxHonestHeight();
            }
            oneTick();
            if (tick > healTick && livenessMet(baseline)) {
                return result(healTick, tick - healTick);
            }
        }
        fail("liveness: after the heal at tick " + healTick + " not every honest replica committed above height " + baseline
                + " within " + p.livenessBoundTicks() + " ticks; heights " + heights() + " views " + views());
        return null;
    }

    /**
     * Measurement mode: no network faults at all; optionally the primary of view 0 crashes for good
     * at {@code crashPrimaryAt}. Runs exactly {@code ticks} ticks (safety is still checked).
     * Returns, per height, the tick at which the last live honest replica committed it and the view
     * in which the block was proposed.
     */
    public TreeMap<Long, long[]> measure(long ticks, long crashPrimaryAt) {
        faulty = false;
        for (SimNode node : nodes) {
            start(node);
        }
        TreeMap<Long, long[]> allCommittedAt = new TreeMap<>();
        for (tick = 0; tick < ticks; tick++) {
            if (tick == crashPrimaryAt) {
                SimNode primary = nodes.get(0);
                crash(primary);
                primary.restartAtTick = Long.MAX_VALUE;
            }
            oneTick();
            long min = Long.MAX_VALUE;
            SimNode any = null;
            for (SimNode node : nodes) {
                if (node.honest() && node.validating()) { // observers follow in sync batches; they do not decide
                    min = Math.min(min, node.height());
                    any = node;
                }
            }
            for (long h = allCommittedAt.isEmpty() ? 1 : allCommittedAt.lastKey() + 1; h <= min; h++) {
                allCommittedAt.put(h, new long[] {tick, any.ledger.get((int) h - 1).block().header().view()});
            }
        }
        return allCommittedAt;
    }

    private void oneTick() {
        if (faulty) {
            injectFaults();
        }
        deliverDue();
        for (SimNode node : nodes) {
            if (!node.up() && node.restartAtTick >= 0 && node.restartAtTick <= tick) {
                start(node);
            }
        }
        for (SimNode node : nodes) {
            if (node.validating()) {
                node.engine().tick();
                drive(node, null);
                if (p.reconfigure() && tick % STATUS_SYNC_TICKS == 0 && node.validating()) {
                    requestBlocks(node, node.height() + 1, node.height() + MAX_SYNC_BATCH);
                }
            } else if (node.observer() && tick % STATUS_SYNC_TICKS == 0) {
                requestBlocks(node, node.height() + 1, node.height() + MAX_SYNC_BATCH);
            }
        }
        for (SimNode node : nodes) {
            if (node.validating()) {
                maybePropose(node);
            }
            if (node.up()) {
                byzantineExtras(node);
            }
        }
    }

    private Result result(long healTick, long livenessTicks) {
        long min = Long.MAX_VALUE;
        long max = 0;
        long vc = 0;
        for (SimNode node : nodes) {
            if (node.honest()) {
                min = Math.min(min, node.height());
                max = Math.max(max, node.height());
                vc = Math.max(vc, node.validating() ? node.engine().viewChanges() : 0);
                if (!node.ledger.isEmpty()) {
                    CommittedBlock last = node.ledger.get(node.ledger.size() - 1);
                    ValidatorSet set = validatorsAt(last.height());
                    Validation bad = last.certificate().verify(CHAIN_ID, set.keys(), set.quorum(), last.block().hash(), last.height());
                    if (!bad.isOk()) {
                        fail("CommitCertificate.verify refused node " + node.instance + "'s head: " + bad.message());
                    }
                }
            }
        }
        long honestMin = min == Long.MAX_VALUE ? 0 : min;
        int switches = epochs.headMap(honestMin, false).size() - 1;
        return new Result(p, tick, honestMin, max, vc, messages, healTick, livenessTicks, switches, skewedProposals, untimelyRefusals,
                storeFaults.counts());
    }

    private boolean livenessMet(long baseline) {
        for (SimNode node : nodes) {
            if (node.honest() && (!node.up() || node.height() <= baseline)) {
                return false;
            }
        }
        return true;
    }

    private long maxHonestHeight() {
        long max = 0;
        for (SimNode node : nodes) {
            if (node.honest()) {
                max = Math.max(max, node.height());
            }
        }
        return max;
    }

    private String heights() {
        List<String> out = new ArrayList<>();
        for (SimNode node : nodes) {
            out.add(node.instance + ":" + node.behaviour.name().charAt(0) + node.height() + (node.up() ? "" : "(down)"));
        }
        return out.toString();
    }

    private String views() {
        List<String> out = new ArrayList<>();
        for (SimNode node : nodes) {
            out.add(node.validating() ? node.engine().view() + (node.engine().isViewActive() ? "" : "*") : node.observer() ? "obs" : "-");
        }
        return out.toString();
    }

    void fail(String message) {
        throw new SimulationFailure(p, "at tick " + tick + ": " + message);
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Starts the replica as the daemon does: a new driver over its durable store and chain opens the
     * epoch the chain is in (an engine restored from the store if its key is in that epoch's set, told
     * at once if the chain already knows the epoch's end; else an observer). A failed read leaves it
     * down, to try again later.
     */
    private void start(SimNode node) {
        node.restartAtTick = -1;
        FaultyStore store = new FaultyStore(node, storeFaults);
        ConsensusStore<RuntimeException> port = p.brokenLoop() == TestLoopFaults.Fault.IGNORE_FAILED_WRITE ? store.ignoringFailedWrites() : store;
        DriverPorts<RuntimeException> ports = new DriverPorts<>(port, messages -> sendAll(node, messages), new Chain(node),
                s -> serveSync(node, s), new Epochs(node), new Events(node));
        node.driver = TestLoopFaults.broken(new ConsensusDriver<>(config, () -> clockOf(node), node.key, b -> node.validate(b, GENESIS), ports),
                p.brokenLoop());
        store.restarting = true;
        try {
            node.driver.open();
        } catch (SimFault f) {
            node.driver = null; // the read failed: still down, and tries again soon
            node.restartAtTick = tick + storeFaults.restartTicks();
            trace("read failed " + node.instance);
            return;
        } finally {
            store.restarting = false;
        }
        drive(node, null);
    }

    /**
     * Runs {@code input} on the replica's driver (null: none), then drains what the engine asked for.
     * A store fault escaping the driver crashes the replica, as a failure on the daemon's loop halts it.
     */
    private void drive(SimNode node, java.util.function.Consumer<ConsensusDriver<RuntimeException>> input) {
        ConsensusDriver<RuntimeException> d = node.driver;
        try {
            if (input != null) {
                input.accept(d);
            }
            d.drain();
        } catch (SimFault f) {
            if (node.driver != d) {
                return;
            }
            if (f.kind == StoreFault.CRASH_BETWEEN_PERSIST_AND_SEND) {
                crash(node); // the older crash model, with its down time
            } else {
                node.driver = null; // halted on a store fault, as the daemon halts; restarted soon
                node.crashes++;
                node.restartAtTick = tick + storeFaults.restartTicks();
                trace("halt " + node.instance + " on " + f.kind);
            }
        }
    }

    private void crash(SimNode node) {
        node.driver = null;
        node.crashes++;
        node.restartAtTick = tick + 1 + rnd.nextInt(MAX_DOWN_TICKS);
        trace("crash " + node.instance);
    }

    private void heal() {
        faulty = false;
        blocked.clear();
        group = new int[nodes.size()];
        for (SimNode node : nodes) {
            if (!node.up()) {
                start(node);
            }
        }
        trace("heal");
    }

    private void injectFaults() {
        if (twinsPresent() && tick % 40 == 0) {
            repartition(false);
        } else if (p.partitionRate() > 0 && rnd.nextDouble() < p.partitionRate()) {
            int choice = rnd.nextInt(3);
            if (choice == 0) {
                group = new int[nodes.size()];
                blocked.clear();
            } else if (choice == 1 || !p.asymmetric()) {
                repartition(false);
            } else {
                repartition(true);
            }
        }
        if (p.crashRate() > 0) {
            for (SimNode node : nodes) {
                if (node.up() && node.honest() && rnd.nextDouble() < p.crashRate()) {
                    crash(node);
                }
            }
        }
    }

    private void repartition(boolean asymmetric) {
        group = new int[nodes.size()];
        blocked.clear();
        if (asymmetric) {
            for (int a = 0; a < nodes.size(); a++) {
                for (int b = 0; b < nodes.size(); b++) {
                    if (a != b && rnd.nextDouble() < 0.3) {
                        blocked.add((long) a * 1000 + b);
                    }
                }
            }
        } else {
            for (int i = 0; i < group.length; i++) {
                group[i] = rnd.nextInt(2);
            }
        }
    }

    private boolean connected(int from, int to) {
        return group[from] == group[to] && !blocked.contains((long) from * 1000 + to);
    }

    // ------------------------------------------------------------------ ready handling

    /** The transport port: a crash may strike after the records are written and before anything leaves. */
    private void sendAll(SimNode node, List<Outbound> out) {
        if (faulty && node.honest() && p.crashRate() > 0 && rnd.nextDouble() < p.crashRate() * p.crashAfterPersistRate() * 10) {
            storeFaults.count(StoreFault.CRASH_BETWEEN_PERSIST_AND_SEND);
            throw new SimFault(StoreFault.CRASH_BETWEEN_PERSIST_AND_SEND); // persisted, crashed before sending: allowed by the contract
        }
        for (Outbound o : out) {
            send(node, o);
        }
    }

    /** The replica's chain: the checkers see every honest commit; a crash may strike either side of the chain write. */
    private final class Chain implements BlockApplier<RuntimeException> {
        private final SimNode node;

        Chain(SimNode node) {
            this.node = node;
        }

        @Override
        public long height() {
            return node.height();
        }

        @Override
        public Hash32 headHash() {
            return node.headHash(GENESIS);
        }

        @Override
        public Hash32 stateRoot() {
            return node.root();
        }

        @Override
        public Hash32 apply(CommittedBlock cb) {
            if (cb.height() != node.height() + 1) {
                fail("node " + node.instance + " was given height " + cb.height() + " after " + node.height());
            }
            if (storeFaults.strikes(StoreFault.CRASH_BEFORE_CHAIN_WRITE, node)) {
                throw new SimFault(StoreFault.CRASH_BEFORE_CHAIN_WRITE);
            }
            check(cb);
            node.apply(cb);
            if (storeFaults.strikes(StoreFault.CRASH_AFTER_CHAIN_WRITE, node)) {
                throw new SimFault(StoreFault.CRASH_AFTER_CHAIN_WRITE);
            }
            return node.root();
        }

        /** An observer applies a synced block after checking it as the daemon's ledger does. */
        @Override
        public boolean follow(PublicKey from, CommittedBlock cb) {
            ValidatorSet set = validatorsAt(cb.height());
            Validation bad = cb.certificate().verify(CHAIN_ID, set.keys(), set.quorum(), cb.block().hash(), cb.height());
            if (!bad.isOk() || !cb.block().header().prevHash().equals(node.headHash(GENESIS))) {
                return false;
            }
            check(cb);
            node.apply(cb);
            return true;
        }

        private void check(CommittedBlock cb) {
            if (node.honest()) {
                checker.onCommit(node, cb, node.headHash(GENESIS)).ifPresent(Simulation.this::fail);
                timeChecker.onCommit(node, cb, node.headTimestamp(), maxHonestClock()).ifPresent(Simulation.this::fail);
            }
        }
    }

    /** The validator schedule as the ledger would give it: each change known one block before it takes effect. */
    private final class Epochs implements EpochSource {
        private final SimNode node;

        Epochs(SimNode node) {
            this.node = node;
        }

        @Override
        public EpochPlan current() {
            long base = epochs.floorKey(node.height());
            ValidatorSet set = epochs.get(base);
            return new EpochPlan(base, set, set.contains(node.key.publicKey()), 0);
        }

        @Override
        public OptionalLong scheduledEnd(long epochBase) {
            Long end = epochs.higherKey(epochBase);
            return end != null && node.height() >= end - 1 ? OptionalLong.of(end) : OptionalLong.empty();
        }
    }

    private final class Events implements DriverEvents {
        private final SimNode node;

        Events(SimNode node) {
            this.node = node;
        }

        @Override
        public void applied(CommittedBlock cb, How how) {
            if (how == How.COMMITTED) {
                trace("commit " + node.instance + " h" + cb.height() + " v" + cb.certificate().view());
            } else {
                trace("synced " + node.instance + " h" + cb.height());
            }
        }

        @Override
        public void epochOpened(EpochPlan plan) {
            trace(plan.votes() ? "start " + node.instance + " in epoch " + plan.base() + " at h" + node.height()
                    : "observe " + node.instance + " from h" + node.height());
        }
    }

    private void maybePropose(SimNode node) {
        if (!node.engine().canPropose()) {
            return;
        }
        long timestampMs;
        if (node.skewedClock()) {
            // A faulty clock and the stamping rule of old: its clock, or just after the parent.
            timestampMs = Math.max(node.headTimestamp() + 1, clockOf(node));
            skewedProposals++;
        } else {
            OptionalLong t = node.engine().proposalTimestamp(node.headTimestamp());
            if (t.isEmpty()) {
                return; // the parent is ahead of this clock by more than PRECISION: wait for the clock
            }
            timestampMs = t.getAsLong();
        }
        boolean wrongRoot = node.behaviour == Behaviour.INVALID_PROPOSER && rnd.nextInt(3) > 0;
        Block b = node.build(CHAIN_ID, GENESIS, node.engine().view(), tick, timestampMs, rnd.nextInt(6), wrongRoot);
        drive(node, d -> node.engine().propose(b));
    }

    // ------------------------------------------------------------------ clocks

    /** The replica's own clock now: real time plus its skew. */
    long clockOf(SimNode node) {
        return tick * MS_PER_TICK + node.clockSkewMs;
    }

    /** The latest honest clock now. */
    private long maxHonestClock() {
        long max = Long.MIN_VALUE;
        for (SimNode node : nodes) {
            if (node.honest()) {
                max = Math.max(max, clockOf(node));
            }
        }
        return max;
    }

    // ------------------------------------------------------------------ network

    private void send(SimNode from, Outbound o) {
        if (from.behaviour == Behaviour.SILENT) {
            return;
        }
        byte[] payload = o.payload();
        Signed<? extends PbftMessage> m = decode(payload);
        if (from.honest() && m.signer().equals(from.key.publicKey())) {
            checker.onHonestMessage(from, m).ifPresent(this::fail); // relayed messages are someone else's words
            checker.onSigned(from, m, from.signableThrough).ifPresent(this::fail);
        }
        if (m.signer().equals(from.key.publicKey())) {
            byte[] signed = m.body().signingBytes(CHAIN_ID);
            if (rnd.nextInt(VERIFY_SAMPLE) == 0) {
                if (!io.mutualchain.pbft.message.SignatureVerifier.ED25519.verify(m.signer(), signed, m.signature())) {
                    fail("node " + from.instance + " sent a " + m.body().type() + " whose signature does not verify");
                }
            } else {
                verifier.vouch(m.signer(), signed, m.signature());
            }
        }
        byte[] alternative = null;
        if (from.behaviour == Behaviour.EQUIVOCATE && payload[0] == MessageType.PRE_PREPARE.tag()) {
            alternative = equivocate(from, payload);
        }
        int k = 0;
        for (SimNode to : nodes) {
            if (to.index == from.index) {
                continue;
            }
            if (o.to().isPresent() && !o.to().get().equals(to.key.publicKey())) {
                continue;
            }
            byte[] bytes = alternative != null && (k++ % 2 == 1) ? alternative : payload;
            transmit(from, to, bytes);
        }
    }

    private void transmit(SimNode from, SimNode to, byte[] bytes) {
        messages++;
        if (!connected(from.instance, to.instance)) {
            return;
        }
        if (faulty && rnd.nextDouble() < p.lossRate()) {
            return;
        }
        schedule(to.instance, from.index, bytes, null);
        if (faulty && rnd.nextDouble() < p.duplicateRate()) {
            schedule(to.instance, from.index, bytes, null);
        }
    }

    private void schedule(int to, int fromIndex, byte[] bytes, CommittedBlock synced) {
        long delay = faulty ? 1 + rnd.nextInt(p.maxDelayTicks()) : 1 + rnd.nextInt(2);
        events.add(new Event(tick + delay, seq++, to, fromIndex, bytes, synced));
    }

    private void deliverDue() {
        while (!events.isEmpty() && events.peek().tick <= tick) {
            Event e = events.poll();
            SimNode to = nodes.get(e.to);
            if (!to.up()) {
                continue;
            }
            if (!to.validating()) {
                if (e.synced != null) {
                    drive(to, d -> d.follow(keys.get(e.fromIndex).publicKey(), e.synced));
                }
                continue;
            }
            if (e.synced != null) {
                to.engine().synced(e.synced.block(), e.synced.certificate());
            } else {
                if (to.behaviour == Behaviour.REPLAY || to.behaviour == Behaviour.FORGE) {
                    remember(to, e.payload);
                }
                long untimelyBefore = to.engine().untimelyProposals();
                var result = to.engine().step(keys.get(e.fromIndex).publicKey(), e.payload);
                if (to.honest()) {
                    untimelyRefusals += to.engine().untimelyProposals() - untimelyBefore; // also proposals replayed from the future buffer
                }
                if (trace != null) {
                    trace("deliver " + e.fromIndex + "->" + to.instance + " " + describe(e.payload) + " : " + result);
                }
            }
            drive(to, null);
        }
    }

    private void serveSync(SimNode node, SyncRequest s) {
        requestBlocks(node, s.fromHeight(), s.toHeight());
    }

    private void requestBlocks(SimNode node, long fromHeight, long toHeight) {
        SyncRequest s = new SyncRequest(fromHeight, toHeight, List.of());
        SimNode best = null;
        for (SimNode peer : nodes) {
            if (peer != node && peer.honest() && peer.up() && connected(peer.instance, node.instance)
                    && peer.height() >= s.fromHeight() && (best == null || peer.height() > best.height())) {
                best = peer;
            }
        }
        if (best == null) {
            return;
        }
        long to = Math.min(Math.min(s.toHeight(), best.height()), s.fromHeight() + MAX_SYNC_BATCH - 1);
        // One answer is one message, as on the wire: lost as a whole, or delivered with its blocks in order.
        if (faulty && rnd.nextDouble() < p.lossRate()) {
            return;
        }
        long delay = faulty ? 1 + rnd.nextInt(p.maxDelayTicks()) : 1 + rnd.nextInt(2);
        for (long h = s.fromHeight(); h <= to; h++) {
            events.add(new Event(tick + delay, seq++, node.instance, best.index, null, best.ledger.get((int) h - 1)));
        }
    }

    // ------------------------------------------------------------------ Byzantine wrappers

    private byte[] equivocate(SimNode from, byte[] payload) {
        @SuppressWarnings("unchecked")
        Signed<PrePrepare> pp = (Signed<PrePrepare>) decode(payload);
        Block b = pp.body().block();
        BlockHeader h = b.header();
        BlockHeader other = new BlockHeader(h.chainId(), h.height(), h.prevHash(), h.timestampMs() + 1, h.txRoot(), h.stateRoot(), h.receiptsRoot(),
                h.txCount(), h.proposer(), h.view());
        PrePrepare alt = new PrePrepare(pp.body().view(), pp.body().height(), new Block(other, b.transactions()));
        return Signed.sign(alt, from.key, CHAIN_ID).encode();
    }

    private void remember(SimNode node, byte[] payload) {
        if (node.heard.size() >= MAX_HEARD) {
            node.heard.remove(rnd.nextInt(node.heard.size()));
        }
        node.heard.add(payload);
    }

    private void byzantineExtras(SimNode node) {
        if (node.heard.isEmpty() || rnd.nextInt(3) != 0) {
            return;
        }
        SimNode target = nodes.get(rnd.nextInt(nodes.size()));
        if (target.index == node.index) {
            return;
        }
        byte[] old = node.heard.get(rnd.nextInt(node.heard.size()));
        if (old.length == 0) {
            return; // another forger's empty message: nothing to mutilate
        }
        if (node.behaviour == Behaviour.REPLAY) {
            transmit(node, target, old);
        } else if (node.behaviour == Behaviour.FORGE) {
            byte[] forged = old.clone();
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    forged = new byte[1 + rnd.nextInt(200)];
                    for (int i = 0; i < forged.length; i++) {
                        forged[i] = (byte) rnd.nextInt(256);
                    }
                }
                case 1 -> forged = java.util.Arrays.copyOf(old, rnd.nextInt(old.length));
                case 2 -> forged[forged.length - 1 - rnd.nextInt(Math.min(64, forged.length))] ^= (byte) (1 << rnd.nextInt(8));
                default -> forged[rnd.nextInt(forged.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            transmit(node, target, forged);
        }
    }

    private Signed<? extends PbftMessage> decode(byte[] payload) {
        return codec.decode(payload);
    }

    private String describe(byte[] payload) {
        try {
            Signed<? extends PbftMessage> m = decode(payload);
            return m.body().type() + " " + brief(m.body());
        } catch (RuntimeException e) {
            return "garbage";
        }
    }

    private static String brief(PbftMessage m) {
        return switch (m.type()) {
            case PRE_PREPARE -> "v" + ((PrePrepare) m).view() + " h" + ((PrePrepare) m).height();
            case PREPARE -> "v" + ((io.mutualchain.pbft.message.Prepare) m).view() + " h" + ((io.mutualchain.pbft.message.Prepare) m).height();
            case COMMIT -> "v" + ((io.mutualchain.pbft.message.Commit) m).view() + " h" + ((io.mutualchain.pbft.message.Commit) m).height();
            case CHECKPOINT -> "h" + ((io.mutualchain.pbft.message.Checkpoint) m).height();
            case VIEW_CHANGE -> "to v" + ((io.mutualchain.pbft.message.ViewChange) m).newView();
            case NEW_VIEW -> "v" + ((io.mutualchain.pbft.message.NewView) m).view();
        };
    }

    private void trace(String line) {
        if (trace != null) {
            trace.accept("t" + tick + " " + line);
        }
    }
}
