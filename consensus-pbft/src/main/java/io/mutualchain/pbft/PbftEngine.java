package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.CheckpointProof;
import io.mutualchain.pbft.message.Commit;
import io.mutualchain.pbft.message.MessageCodec;
import io.mutualchain.pbft.message.NewView;
import io.mutualchain.pbft.message.PbftMessage;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.PreparedBlock;
import io.mutualchain.pbft.message.PreparedCert;
import io.mutualchain.pbft.message.PrePrepareDigest;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One validator's PBFT replica as a deterministic state machine. Inputs: {@link #step} (a message
 * from a peer), {@link #tick} (time), {@link #propose} (the daemon's block when {@link #canPropose}),
 * {@link #applied} (the ledger executed a committed block) and {@link #synced} (a block fetched by
 * state sync). Output: {@link #ready}, to be carried out in the order documented on {@link Ready},
 * then acknowledged with {@link #advance}. Not thread-safe: one thread owns it.
 */
public final class PbftEngine {
    /** Own messages re-sent on each retransmission for heights this far below the last commit, so stragglers finish them. */
    static final int RETRANSMIT_COMMITTED_TAIL = 2;
    /** Largest doubling of the view-change timeout; the timeout is further capped by the configured maximum. */
    static final int MAX_BACKOFF_SHIFT = 16;
    /** Smallest message size bound, whatever the block size: room for a NEW-VIEW of small blocks. */
    static final int MIN_MESSAGE_BYTES = 1 << 20;
    /** {@link #epochEnd()} while no validator-set change is scheduled. */
    public static final long NO_EPOCH_END = Long.MAX_VALUE;

    private final PbftConfig config;
    private final KeyPair key;
    private final PublicKey self;
    private final ValidatorSet validators;
    private final BlockValidator app;
    private final Quorums quorums;
    private final MessageCodec codec;
    private final BlockRules rules;
    private final BlockTimeRule time;
    private final ProofChecker proofs;
    private final Outbox out;
    private final int maxMessageBytes;

    // View state.
    private long view;
    private boolean active = true;
    private long viewChangeCount;
    private int backoff;
    private long ticks;
    private long ticksSinceProgress;
    private long highestKnownCommitted;
    private long invalidProposals;
    private String lastInvalidProposal = "";
    private long untimelyProposals;
    /** When the message being handled reached this node (local clock); a message replayed from the future-view buffer keeps its own. */
    private long receivedAtMs;
    private Untimely lastUntimely;
    /** The last height of this epoch once the ledger has scheduled the next one; none until then. */
    private long epochEnd = NO_EPOCH_END;
    /** The highest checkpoint a quorum signed above {@link #epochHorizon()}: this replica is behind at least that far. */
    private long checkpointAhead;
    /** No PREPARE or COMMIT at or below this height: this replica lost the records of what it signed there. */
    private long silentThrough;

    // Heights.
    private CheckpointProof stable = CheckpointProof.GENESIS;
    private long lastCommitted;
    private Hash32 lastCommittedHash;
    private long lastApplied;
    private Hash32 lastAppliedHash;
    private final TreeMap<Long, Hash32> committedHashes = new TreeMap<>();
    private final TreeMap<Long, CommittedBlock> ahead = new TreeMap<>();
    private final TreeMap<Long, List<PublicKey>> certifiedWithoutBody = new TreeMap<>();

    // Log of the current view, and what counts across views.
    private final TreeMap<Long, Slot> slots = new TreeMap<>();
    private final BlockStore blocks = new BlockStore();
    private final CommitVotes commits = new CommitVotes();
    private final CheckpointTracker checkpoints = new CheckpointTracker();
    private Signed<Checkpoint> myCheckpoint;

    // What this replica has sent (persisted, restored after a crash).
    private final TreeMap<Long, Signed<PrePrepare>> sentPrePrepare = new TreeMap<>();
    private final TreeMap<Long, PersistKeys.Vote> sentPrepare = new TreeMap<>();
    private final TreeMap<Long, PersistKeys.Vote> sentCommit = new TreeMap<>();
    private final TreeMap<Long, PreparedBlock> prepared = new TreeMap<>();

    // View change.
    private final ViewChangeLog viewChanges = new ViewChangeLog();
    private final FutureBuffer future = new FutureBuffer();
    private Signed<ViewChange> myViewChange;
    private Signed<NewView> currentNewView;
    private final RateLimiter newViewHelp;
    private final RateLimiter checkpointHelp;

    private final SyncPlanner sync;

    /**
     * Same as the full constructor when the ledger's current state root is not at hand; a node that
     * crashed right after applying a checkpoint height then cannot re-sign that checkpoint, so the
     * daemon should prefer the full constructor.
     */
    public PbftEngine(PbftConfig config, KeyPair key, ValidatorSet validators, BlockValidator validator,
                      SortedMap<String, byte[]> restored, long lastCommittedHeight, Hash32 lastCommittedHash) {
        this(config, key, validators, validator, restored, lastCommittedHeight, lastCommittedHash, null);
    }

    /**
     * @param restored            every (key, value) the engine asked to persist and did not delete; empty on first start
     * @param lastCommittedHeight the ledger's height (0 at genesis)
     * @param lastCommittedHash   the hash of the ledger's last block (the genesis hash at height 0)
     * @param stateRoot           the ledger's state root after that block, or null if unknown
     */
    public PbftEngine(PbftConfig config, KeyPair key, ValidatorSet validators, BlockValidator validator,
                      SortedMap<String, byte[]> restored, long lastCommittedHeight, Hash32 lastCommittedHash, Hash32 stateRoot) {
        if (!validators.contains(key.publicKey())) {
            throw new IllegalArgumentException("this node's key is not a validator");
        }
        if (lastCommittedHeight < config.epochBase()) {
            throw new IllegalArgumentException("last committed height " + lastCommittedHeight + " is below the epoch base " + config.epochBase());
        }
        this.config = config;
        this.key = key;
        this.self = key.publicKey();
        this.validators = validators;
        this.app = validator;
        this.quorums = new Quorums(validators, config.has(InjectedFault.QUORUM_MINUS_ONE));
        this.codec = new MessageCodec(validators.size(), config.watermarkWindow());
        this.rules = new BlockRules(config, validators);
        this.time = new BlockTimeRule(config.params());
        this.proofs = new ProofChecker(config, validators, quorums, rules, this::epochHorizon);
        this.out = new Outbox(config.has(InjectedFault.PERSIST_AFTER_SEND));
        this.newViewHelp = new RateLimiter(config.retransmitTicks());
        this.checkpointHelp = new RateLimiter(config.retransmitTicks());
        this.sync = new SyncPlanner(config.syncRetryTicks());
        this.maxMessageBytes = (int) Math.min(Integer.MAX_VALUE - 8,
                Math.max(MIN_MESSAGE_BYTES, 2L * validators.size() * config.params().maxBlockBytes()));
        this.lastCommitted = lastCommittedHeight;
        this.lastCommittedHash = lastCommittedHash;
        this.lastApplied = lastCommittedHeight;
        this.lastAppliedHash = lastCommittedHash;
        this.highestKnownCommitted = lastCommittedHeight;
        committedHashes.put(lastCommittedHeight, lastCommittedHash);
        restore(restored);
        if (stateRoot != null && lastCommittedHeight > stable.height() && lastCommittedHeight % config.checkpointInterval() == 0
                && (myCheckpoint == null || myCheckpoint.body().height() < lastCommittedHeight)) {
            signCheckpoint(lastCommittedHeight, lastCommittedHash, stateRoot);
        }
    }

    private void restore(SortedMap<String, byte[]> restoredMap) {
        long base = config.epochBase();
        byte[] marker = restoredMap.get(PersistKeys.EPOCH);
        long restoredEpoch = marker == null ? 0 : PersistKeys.decodeEpoch(marker);
        if (restoredEpoch != base) {
            // Records of an earlier epoch: its views, votes and checkpoints mean nothing to this one,
            // and this replica has applied that epoch's last block, so it never acts in it again.
            for (String k : restoredMap.keySet()) {
                if (!k.equals(PersistKeys.EPOCH)) {
                    out.persist(k, null);
                }
            }
            restoredMap = new TreeMap<>();
            // Overwritten, not deleted and written: the marker is what tells the next restart these records are current.
            out.persist(PersistKeys.EPOCH, base == 0 ? null : PersistKeys.encodeEpoch(base));
        }
        RestoredState restored = RestoredState.parse(restoredMap, codec);
        view = restored.view.view();
        active = restored.view.active();
        stable = restored.stable.height() >= base ? restored.stable : CheckpointProof.base(base);
        myCheckpoint = restored.myCheckpoint;
        sentPrePrepare.putAll(restored.sentPrePrepare);
        sentPrepare.putAll(restored.sentPrepare);
        sentCommit.putAll(restored.sentCommit);
        prepared.putAll(restored.prepared);
        if (!active) {
            myViewChange = Signed.sign(buildViewChange(view), key, config.chainId());
            viewChanges.put(myViewChange);
        } else {
            for (Signed<PrePrepare> pp : sentPrePrepare.values()) {
                if (pp.body().view() == view && pp.body().height() > stable.height()) {
                    slot(pp.body().height()).prePrepare = pp;
                    blocks.add(pp.body().block());
                }
            }
        }
        for (PreparedBlock c : prepared.values()) {
            blocks.add(c.block());
        }
        if (myCheckpoint != null && myCheckpoint.body().height() > stable.height()) {
            addCheckpoint(myCheckpoint);
        }
        for (Long h : new ArrayList<>(slots.keySet())) {
            progress(h);
        }
        maybeRequestSync(true);
    }

    // ---------------------------------------------------------------- inputs

    /** Every input starts here; outside {@link #step} nothing arrives, so "now" stands for the arrival time. */
    private void beginInput() {
        out.beginInput();
        receivedAtMs = config.clock().nowMs();
    }

    /**
     * Decodes, verifies and handles one message. Never throws on hostile input; refusals are typed.
     * Authenticity comes from the signatures inside the message, not from {@code from} (the
     * transport's peer), so signed messages may be relayed; {@code from} is accepted for the
     * transport's bookkeeping and is not trusted.
     */
    public StepResult step(PublicKey from, byte[] encodedMessage) {
        return step(from, encodedMessage, config.clock().nowMs());
    }

    /**
     * {@link #step(PublicKey, byte[])} for a message that reached this node when its clock read
     * {@code receivedAtMs} (at most now): the block-time rule judges a proposal by when it arrived,
     * not by how long it then waited in this node's queue behind a block's execution.
     */
    public StepResult step(PublicKey from, byte[] encodedMessage, long receivedAtMs) {
        beginInput();
        this.receivedAtMs = Math.min(receivedAtMs, this.receivedAtMs);
        if (encodedMessage == null || encodedMessage.length > maxMessageBytes) {
            return StepResult.rejected(RejectReason.MALFORMED, "message is missing or larger than " + maxMessageBytes + " bytes");
        }
        Signed<? extends PbftMessage> m;
        try {
            m = codec.decode(encodedMessage);
        } catch (CodecException | IllegalArgumentException e) {
            return StepResult.rejected(RejectReason.MALFORMED, e.getMessage());
        }
        if (!validators.contains(m.signer())) {
            return StepResult.rejected(RejectReason.UNKNOWN_SIGNER, "signer " + m.signer() + " is not a validator");
        }
        if (!m.verify(config.chainId(), config.verifier())) {
            return StepResult.rejected(RejectReason.BAD_SIGNATURE, m.body().type() + " signature does not verify");
        }
        return handle(m);
    }

    @SuppressWarnings("unchecked")
    private StepResult handle(Signed<? extends PbftMessage> m) {
        return switch (m.body().type()) {
            case PRE_PREPARE -> onPrePrepare((Signed<PrePrepare>) m);
            case PREPARE -> onPrepare((Signed<Prepare>) m);
            case COMMIT -> onCommit((Signed<Commit>) m);
            case CHECKPOINT -> onCheckpoint((Signed<Checkpoint>) m);
            case VIEW_CHANGE -> onViewChange((Signed<ViewChange>) m);
            case NEW_VIEW -> onNewView((Signed<NewView>) m);
        };
    }

    /** Advances time by one tick: view-change timer, retransmission, sync retry. */
    public void tick() {
        beginInput();
        ticks++;
        if (active || viewChangeQuorum()) {
            ticksSinceProgress++;
        }
        if (ticksSinceProgress >= currentTimeoutTicks()) {
            backoff = Math.min(backoff + 1, MAX_BACKOFF_SHIFT);
            startViewChange(view + 1);
        }
        if (ticks % config.retransmitTicks() == 0) {
            retransmit();
        }
        maybeRequestSync(false);
    }

    /** True when this node is the primary of an active view, the next height is in the window and its parent is applied. */
    public boolean canPropose() {
        long next = nextProposalHeight();
        return active && isPrimary() && next <= windowTop() && lastApplied == next - 1;
    }

    public long nextProposalHeight() {
        long next = Math.max(lastCommitted, stable.height()) + 1;
        for (Slot s : slots.descendingMap().values()) {
            if (s.prePrepare != null) {
                return Math.max(next, s.height + 1);
            }
        }
        return next;
    }

    /**
     * The timestamp this node, as primary, gives its next block on a parent stamped
     * {@code parentTimeMs}: its clock, or just after the parent; empty while that would be more than
     * PRECISION ahead of its own clock (then it waits, see {@link BlockTimeRule#proposalTime}).
     */
    public OptionalLong proposalTimestamp(long parentTimeMs) {
        return time.proposalTime(parentTimeMs, config.clock().nowMs());
    }

    /**
     * Proposes {@code block} at {@link #nextProposalHeight()}. Only when {@link #canPropose()}; the
     * header must name this node as proposer, the current view, and the last applied block as parent.
     */
    public void propose(Block block) {
        if (!canPropose()) {
            throw new IllegalStateException("cannot propose now (primary " + isPrimary() + ", active " + active + ")");
        }
        beginInput();
        long h = nextProposalHeight();
        Validation bad = rules.check(block, h, view, false);
        if (!bad.isOk()) {
            throw new IllegalArgumentException("proposal refused: " + bad.message());
        }
        if (!block.header().prevHash().equals(lastAppliedHash)) {
            throw new IllegalArgumentException("proposal's parent is not the last applied block");
        }
        Signed<PrePrepare> pp = Signed.sign(new PrePrepare(view, h, block), key, config.chainId());
        sentPrePrepare.put(h, pp);
        out.persist(PersistKeys.at(PersistKeys.PRE_PREPARE, h), PersistKeys.encodeNested(pp));
        out.broadcast(pp.encode());
        Slot s = slot(h);
        s.prePrepare = pp;
        s.verdict = Verdict.Kind.VALID;
        blocks.add(block);
        progress(h);
    }

    /** The ledger executed and stored the committed block at {@code height}; the state root after it is {@code stateRootAfter}. */
    public void applied(long height, Hash32 blockHash, Hash32 stateRootAfter) {
        if (height != lastApplied + 1 || height > lastCommitted) {
            throw new IllegalStateException("applied " + height + " but expected " + (lastApplied + 1) + " (committed " + lastCommitted + ")");
        }
        Hash32 expected = committedHashes.get(height);
        if (expected != null && !expected.equals(blockHash)) {
            throw new IllegalStateException("applied block " + blockHash + " at " + height + " is not the committed one " + expected);
        }
        beginInput();
        long horizonBefore = epochHorizon();
        lastApplied = height;
        lastAppliedHash = blockHash;
        committedHashes.headMap(Math.min(lastApplied, stable.height()), false).clear();
        if (height % config.checkpointInterval() == 0 && height > stable.height()) {
            signCheckpoint(height, blockHash, stateRootAfter);
        }
        progress(height + 1);
        if (epochHorizon() > horizonBefore && checkpointAhead > lastCommitted) {
            maybeRequestSync(true); // the next stretch of a chain known to be ahead is now certainly this epoch's
        }
    }

    /**
     * A block obtained by state sync for a {@link SyncRequest}. The engine verifies the certificate
     * against the validator set and the block against the certificate; if it fits it is released in
     * {@link Ready#committed} like any other committed block, and the daemon applies it the same way.
     */
    public StepResult synced(Block block, CommitCertificate certificate) {
        beginInput();
        long h = block.height();
        if (h <= lastCommitted) {
            return StepResult.rejected(RejectReason.IRRELEVANT, "height " + h + " is already committed");
        }
        if (h > Math.max(stable.height(), lastCommitted) + config.watermarkWindow() || h > epochHorizon()) {
            return StepResult.rejected(RejectReason.ABOVE_WINDOW, "height " + h + (h > epochHorizon()
                    ? " may belong to the next epoch (this one is certain only up to " + epochHorizon() + ")" : " is too far ahead"));
        }
        Validation bad = proofs.commitCertificate(certificate, block);
        if (bad.isOk()) {
            bad = block.header().chainId().equals(config.chainId()) ? block.checkBody()
                    : Validation.refused(BlockRuleCode.WRONG_CHAIN, "wrong chain");
        }
        if (bad instanceof Validation.Refused r) {
            return StepResult.rejected(RejectReason.INVALID_CERTIFICATE, r);
        }
        ahead.put(h, new CommittedBlock(block, certificate));
        blocks.add(block);
        noteCommitted(h);
        deliver();
        maybeBuildNewView();
        return StepResult.accepted();
    }

    /**
     * The ledger has scheduled a validator-set change: this epoch's last height is {@code end} (a
     * checkpoint height), and the next validator set orders the heights after it with a new engine.
     * Called as soon as the ledger state that schedules it is applied, which is before any honest
     * replica of this epoch can prepare height {@code end + 1}; anything already buffered above it
     * (only a faulty replica could have sent it) is dropped, and nothing above it is accepted.
     */
    public void endEpochAt(long end) {
        if (end <= config.epochBase() || end % config.checkpointInterval() != 0) {
            throw new IllegalArgumentException("epoch end " + end + " must be a checkpoint height above the epoch base " + config.epochBase());
        }
        if (end == epochEnd) {
            return;
        }
        if (epochEnd != NO_EPOCH_END || end < lastCommitted) {
            throw new IllegalStateException("epoch end " + end + " conflicts with " + (epochEnd != NO_EPOCH_END
                    ? "the scheduled end " + epochEnd : "the committed height " + lastCommitted));
        }
        beginInput();
        epochEnd = end;
        slots.tailMap(end, false).clear();
        ahead.tailMap(end, false).clear();
        certifiedWithoutBody.tailMap(end, false).clear();
        commits.discardAbove(end);
        blocks.discardAbove(end);
    }

    /** This epoch's last height, or {@link #NO_EPOCH_END}. */
    public long epochEnd() {
        return epochEnd;
    }

    /** True once the last block of this epoch is applied: the daemon then hands over to the next epoch's engine. */
    public boolean epochFinished() {
        return lastApplied == epochEnd;
    }

    /**
     * The highest height certainly in this epoch: its scheduled end, or else the first checkpoint
     * height above the next block to apply. The ledger makes a change approved in block h take effect
     * after the first checkpoint height above h, so no change approved in that block or later can end
     * the epoch sooner. Above it, messages may be the next epoch's, signed by validators of both sets
     * (the next epoch may already run on replicas that are ahead), so they are not counted here.
     */
    long epochHorizon() {
        if (epochEnd != NO_EPOCH_END) {
            return epochEnd;
        }
        long k = config.checkpointInterval();
        return ((lastApplied + 1) / k + 1) * k;
    }

    /** The highest height this replica may act on now: the watermark window, and never past what is certainly this epoch. */
    private long windowTop() {
        return Math.min(stable.height() + config.watermarkWindow(), epochHorizon());
    }

    // ---------------------------------------------------------------- Ready

    public boolean hasReady() {
        return !out.isEmpty();
    }

    public Ready ready() {
        return out.snapshot();
    }

    public void advance(Ready ready) {
        out.remove(ready);
    }

    // ---------------------------------------------------------------- status

    public long view() {
        return view;
    }

    public boolean isViewActive() {
        return active;
    }

    public boolean isPrimary() {
        return validators.primaryOf(view).equals(self);
    }

    public PublicKey primary() {
        return validators.primaryOf(view);
    }

    /** View changes this replica started or joined since it was constructed. */
    public long viewChanges() {
        return viewChangeCount;
    }

    /** Proposals this replica refused after the engine's or the application's checks (a metric). */
    public long invalidProposals() {
        return invalidProposals;
    }

    /** Why the last refused proposal was refused, for logs; empty if none. */
    public String lastInvalidProposal() {
        return lastInvalidProposal;
    }

    /** New proposals this replica refused under the block-time rule (a metric). */
    public long untimelyProposals() {
        return untimelyProposals;
    }

    /** The last such refusal, or null if none. */
    public Untimely lastUntimely() {
        return lastUntimely;
    }

    public long lastCommittedHeight() {
        return lastCommitted;
    }

    public long lastAppliedHeight() {
        return lastApplied;
    }

    public long stableCheckpointHeight() {
        return stable.height();
    }

    /**
     * This replica lost its vote records (its store was rebuilt) and may have signed PREPAREs and
     * COMMITs up to {@code height} before: it never votes at or below it again, whatever a NEW-VIEW
     * re-proposes there. The daemon starts the engine only past that height; this guards re-proposals.
     */
    public void staySilentThrough(long height) {
        silentThrough = Math.max(silentThrough, height);
    }

    public long ticks() {
        return ticks;
    }

    public PublicKey publicKey() {
        return self;
    }

    /** The current view-change timeout: first timeout doubled per consecutive expiry, capped. */
    public long currentTimeoutTicks() {
        long t = (long) config.viewChangeTimeoutTicks() << Math.min(backoff, MAX_BACKOFF_SHIFT);
        return Math.min(t, config.maxViewChangeTimeoutTicks());
    }

    // ---------------------------------------------------------------- normal case (§4.2)

    private StepResult onPrePrepare(Signed<PrePrepare> s) {
        PrePrepare pp = s.body();
        Optional<StepResult> refused = checkNormalCase(s, pp.view(), pp.height());
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!s.signer().equals(validators.primaryOf(pp.view()))) {
            return StepResult.rejected(RejectReason.NOT_PRIMARY, "pre-prepare not signed by the primary of view " + pp.view());
        }
        Slot slot = slot(pp.height());
        if (slot.prePrepare != null) {
            if (slot.hash().equals(pp.blockHash())) {
                return StepResult.rejected(RejectReason.DUPLICATE, "pre-prepare already received");
            }
            // Both pre-prepares carry the primary's signature: relayed, they prove the equivocation to everyone.
            out.broadcast(slot.prePrepare.encode());
            out.broadcast(s.encode());
            suspectPrimary("height " + pp.height() + " in view " + view + ": the primary sent two different blocks");
            return StepResult.rejected(RejectReason.CONFLICTING, "primary sent two blocks for height " + pp.height());
        }
        Validation bad = rules.check(pp.block(), pp.height(), pp.view(), false);
        if (bad instanceof Validation.Refused r) {
            suspectPrimary("height " + pp.height() + " in view " + view + ": " + r.message());
            return StepResult.rejected(RejectReason.INVALID_BLOCK, r);
        }
        Optional<StepResult> untimely = checkTimely(pp);
        if (untimely.isPresent()) {
            return untimely.get();
        }
        slot.prePrepare = s;
        blocks.add(pp.block());
        for (Signed<Prepare> other : slot.prepares.values()) {
            showPrePrepareIfDifferent(slot, other);
        }
        progress(pp.height());
        return StepResult.accepted();
    }

    /**
     * The block-time rule, when a new proposal first arrives: no vote for a block stamped outside
     * this validator's clock window, and a view change instead (a primary with a wrong clock is
     * replaced as one that proposes invalid blocks is). Not for a block already committed at that
     * height (voting for it again is harmless), nor for blocks re-proposed in a NEW-VIEW: those carry
     * a prepared certificate, and were judged when they were first proposed.
     */
    private Optional<StepResult> checkTimely(PrePrepare pp) {
        Hash32 known = committedHashes.get(pp.height());
        if (known != null && known.equals(pp.blockHash())) {
            return Optional.empty();
        }
        Optional<Untimely> u = time.check(pp.block().header().timestampMs(), receivedAtMs);
        if (u.isEmpty()) {
            return Optional.empty();
        }
        untimelyProposals++;
        lastUntimely = u.get();
        String why = "height " + pp.height() + " in view " + pp.view() + " proposed by " + pp.block().header().proposer() + ": " + u.get();
        suspectPrimary(why);
        return Optional.of(StepResult.rejected(RejectReason.UNTIMELY, why));
    }

    private StepResult onPrepare(Signed<Prepare> s) {
        Prepare p = s.body();
        Optional<StepResult> refused = checkNormalCase(s, p.view(), p.height());
        if (refused.isPresent()) {
            return refused.get();
        }
        if (s.signer().equals(validators.primaryOf(p.view()))) {
            return StepResult.rejected(RejectReason.NOT_PRIMARY, "the primary does not send PREPARE");
        }
        Slot slot = slot(p.height());
        Signed<Prepare> prev = slot.prepares.get(s.signer());
        if (prev != null) {
            return prev.body().equals(p) ? StepResult.rejected(RejectReason.DUPLICATE, "prepare already received")
                    : StepResult.rejected(RejectReason.CONFLICTING, "signer prepared another block at this height");
        }
        slot.prepares.put(s.signer(), s);
        showPrePrepareIfDifferent(slot, s);
        progress(p.height());
        return StepResult.accepted();
    }

    /**
     * A replica prepared another block than the one our primary sent us: either it is faulty or the
     * primary equivocated. Showing it our pre-prepare lets it prove the latter (it then holds two
     * blocks signed by the primary for one height) and start the view change. Once per signer and
     * height, since only a signer's first PREPARE per height is kept.
     */
    private void showPrePrepareIfDifferent(Slot slot, Signed<Prepare> p) {
        if (slot.prePrepare != null && !p.body().blockHash().equals(slot.hash()) && !p.signer().equals(self)) {
            out.send(p.signer(), slot.prePrepare.encode());
        }
    }

    private StepResult onCommit(Signed<Commit> s) {
        Commit c = s.body();
        if (c.height() <= stable.height()) {
            sendStableProof(s.signer());
            return StepResult.rejected(RejectReason.BELOW_WINDOW, "height " + c.height() + " is at or below the stable checkpoint");
        }
        if (c.height() > windowTop()) {
            return StepResult.rejected(RejectReason.ABOVE_WINDOW, "height " + c.height() + " is above the window");
        }
        if (!commits.add(s)) {
            return StepResult.rejected(RejectReason.DUPLICATE, "signer already committed at this height in this or a later view");
        }
        progress(c.height());
        return StepResult.accepted();
    }

    /** Common admission of PRE-PREPARE and PREPARE: view and window (§4.2). */
    private Optional<StepResult> checkNormalCase(Signed<? extends PbftMessage> s, long msgView, long height) {
        if (msgView < view) {
            helpLaggard(s.signer());
            return Optional.of(StepResult.rejected(RejectReason.STALE_VIEW, "message for view " + msgView + ", now in " + view));
        }
        if (msgView > view || !active) {
            noteHigherView(s.signer(), msgView);
            if (!future.add(s, receivedAtMs)) {
                checkJoin();
                return Optional.of(StepResult.rejected(RejectReason.BUFFER_FULL, "future-view buffer of the signer is full; oldest dropped"));
            }
            checkJoin();
            return Optional.of(StepResult.rejected(RejectReason.VIEW_CHANGE_IN_PROGRESS, "buffered until view " + msgView + " starts"));
        }
        if (height <= stable.height()) {
            sendStableProof(s.signer());
            return Optional.of(StepResult.rejected(RejectReason.BELOW_WINDOW, "height " + height + " is at or below the stable checkpoint"));
        }
        if (height > windowTop()) {
            return Optional.of(StepResult.rejected(RejectReason.ABOVE_WINDOW, "height " + height + " is above the window"));
        }
        return Optional.empty();
    }

    private Slot slot(long h) {
        return slots.computeIfAbsent(h, Slot::new);
    }

    /** Moves height {@code h} as far as it can go: validate, prepare, commit, deliver. */
    private void progress(long h) {
        Slot s = slots.get(h);
        if (s != null && active && s.prePrepare != null) {
            PublicKey primary = validators.primaryOf(view);
            if (!primary.equals(self) && !s.sentPrepare && s.verdict != Verdict.Kind.INVALID) {
                validateAndPrepare(s);
            }
            if (!s.sentCommit && s.verdict != Verdict.Kind.INVALID && s.matchingPrepares(primary).size() >= quorums.prepares) {
                sendCommit(s, primary);
            }
        }
        checkCommitted(h);
    }

    private void validateAndPrepare(Slot s) {
        Block block = s.prePrepare.body().block();
        Hash32 known = committedHashes.get(s.height);
        if (known != null) {
            if (known.equals(s.hash())) {
                sendPrepare(s);
            } else {
                reject(s, "block differs from the one committed at this height");
            }
            return;
        }
        if (s.height != lastApplied + 1 || s.height <= lastCommitted) {
            return;
        }
        if (!block.header().prevHash().equals(lastAppliedHash)) {
            reject(s, "block's parent is not the last applied block");
            return;
        }
        Verdict v = app.validate(block);
        switch (v.kind()) {
            case VALID -> {
                s.verdict = Verdict.Kind.VALID;
                sendPrepare(s);
            }
            case INVALID -> reject(s, v.reason());
            case NOT_YET -> s.verdict = Verdict.Kind.NOT_YET;
        }
    }

    private void reject(Slot s, String why) {
        s.verdict = Verdict.Kind.INVALID;
        suspectPrimary("height " + s.height + " in view " + view + ": " + why);
    }

    private void sendPrepare(Slot s) {
        if (s.height <= silentThrough) {
            return;
        }
        PersistKeys.Vote vote = new PersistKeys.Vote(view, s.hash());
        PersistKeys.Vote before = sentPrepare.get(s.height);
        if (before != null && before.view() == view && !before.hash().equals(s.hash())) {
            return; // never contradict a PREPARE sent before a crash
        }
        if (!vote.equals(before)) {
            sentPrepare.put(s.height, vote);
            out.persist(PersistKeys.at(PersistKeys.PREPARE, s.height), PersistKeys.encodeVote(vote));
        }
        Signed<Prepare> p = Signed.sign(new Prepare(view, s.height, s.hash()), key, config.chainId());
        out.broadcast(p.encode());
        s.prepares.put(self, p);
        s.sentPrepare = true;
    }

    private void sendCommit(Slot s, PublicKey primary) {
        if (s.height <= silentThrough) {
            return;
        }
        PersistKeys.Vote vote = new PersistKeys.Vote(view, s.hash());
        PersistKeys.Vote before = sentCommit.get(s.height);
        if (before != null && before.view() == view && !before.hash().equals(s.hash())) {
            return; // never contradict a COMMIT sent before a crash
        }
        PreparedBlock cert = new PreparedBlock(new PreparedCert(PrePrepareDigest.of(s.prePrepare), s.matchingPrepares(primary)),
                s.prePrepare.body().block());
        prepared.put(s.height, cert);
        out.persist(PersistKeys.at(PersistKeys.CERT, s.height), PersistKeys.encodeCert(cert));
        if (!vote.equals(before)) {
            sentCommit.put(s.height, vote);
            out.persist(PersistKeys.at(PersistKeys.COMMIT, s.height), PersistKeys.encodeVote(vote));
        }
        Signed<Commit> c = Signed.sign(new Commit(view, s.height, s.hash()), key, config.chainId());
        out.broadcast(c.encode());
        commits.add(c);
        s.sentCommit = true;
    }

    private void checkCommitted(long h) {
        if (h <= lastCommitted || ahead.containsKey(h)) {
            return;
        }
        Optional<CommitVotes.Quorum> q = commits.quorum(h, quorums.commits);
        if (q.isEmpty()) {
            return;
        }
        CommitVotes.Quorum quorum = q.get();
        Block block = blocks.get(h, quorum.hash());
        noteCommitted(h);
        if (block == null) {
            certifiedWithoutBody.put(h, quorum.signers());
            maybeRequestSync(true);
            return;
        }
        ahead.put(h, new CommittedBlock(block, new CommitCertificate(quorum.view(), h, quorum.hash(), quorum.signatures())));
        deliver();
    }

    /** Releases committed blocks in height order; asks for sync when there is a gap. */
    private void deliver() {
        while (true) {
            CommittedBlock next = ahead.get(lastCommitted + 1);
            if (next == null) {
                break;
            }
            ahead.remove(lastCommitted + 1);
            if (!next.block().header().prevHash().equals(lastCommittedHash)) {
                continue; // not our chain; impossible with at most f faulty, but never deliver it
            }
            out.commit(next);
            lastCommitted++;
            lastCommittedHash = next.block().hash();
            committedHashes.put(lastCommitted, lastCommittedHash);
            certifiedWithoutBody.remove(lastCommitted);
        }
        certifiedWithoutBody.headMap(lastCommitted, true).clear();
        ahead.headMap(lastCommitted, true).clear();
        maybeRequestSync(false);
    }

    private void noteCommitted(long h) {
        if (h > highestKnownCommitted) {
            highestKnownCommitted = h;
            ticksSinceProgress = 0;
            backoff = 0;
        }
    }

    // ---------------------------------------------------------------- checkpoints (§4.3)

    private StepResult onCheckpoint(Signed<Checkpoint> s) {
        Checkpoint c = s.body();
        if (c.height() % config.checkpointInterval() != 0) {
            return StepResult.rejected(RejectReason.INVALID_CERTIFICATE, "checkpoint height " + c.height() + " is not a multiple of K");
        }
        if (c.height() == stable.height()) {
            return StepResult.rejected(RejectReason.DUPLICATE, "checkpoint " + c.height() + " is already stable");
        }
        if (c.height() < stable.height()) {
            sendStableProof(s.signer());
            return StepResult.rejected(RejectReason.BELOW_WINDOW, "checkpoint " + c.height() + " is below the stable one");
        }
        if (checkpoints.has(s.signer(), c)) {
            return StepResult.rejected(RejectReason.DUPLICATE, "checkpoint already received");
        }
        addCheckpoint(s);
        return StepResult.accepted();
    }

    private void signCheckpoint(long height, Hash32 blockHash, Hash32 stateRoot) {
        myCheckpoint = Signed.sign(new Checkpoint(height, blockHash, stateRoot), key, config.chainId());
        out.persist(PersistKeys.MY_CHECKPOINT, PersistKeys.encodeNested(myCheckpoint));
        out.broadcast(myCheckpoint.encode());
        addCheckpoint(myCheckpoint);
    }

    private void addCheckpoint(Signed<Checkpoint> s) {
        checkpoints.add(s, quorums.q).ifPresent(proof -> {
            if (proof.height() <= epochHorizon()) {
                stabilize(proof);
            } else if (proof.height() > checkpointAhead) {
                // Possibly signed in the next epoch: not a proof here, but reason enough to fetch what is certainly ours.
                checkpointAhead = proof.height();
                maybeRequestSync(true);
            }
        });
    }

    private void stabilize(CheckpointProof proof) {
        if (proof.height() <= stable.height()) {
            return;
        }
        long h = proof.height();
        stable = proof;
        out.persist(PersistKeys.CHECKPOINT, PersistKeys.encodeProof(proof));
        discard(sentPrePrepare, PersistKeys.PRE_PREPARE, h);
        discard(sentPrepare, PersistKeys.PREPARE, h);
        discard(sentCommit, PersistKeys.COMMIT, h);
        discard(prepared, PersistKeys.CERT, h);
        slots.headMap(h, true).clear();
        commits.discardUpTo(h);
        blocks.discardUpTo(h);
        checkpoints.discardUpTo(h);
        committedHashes.headMap(Math.min(lastApplied, h), false).clear();
        noteCommitted(h);
        maybeRequestSync(true);
        if (!active && myViewChange != null) {
            // Bodies at or below the new checkpoint are gone: re-announce from it, so no NEW-VIEW built
            // from our view change needs them (the certificates below it no longer matter).
            myViewChange = Signed.sign(buildViewChange(view), key, config.chainId());
            viewChanges.put(myViewChange);
            out.broadcast(myViewChange.encode());
        }
    }

    private <V> void discard(TreeMap<Long, V> map, String prefix, long upTo) {
        SortedMap<Long, V> old = map.headMap(upTo, true);
        for (Long height : old.keySet()) {
            out.persist(PersistKeys.at(prefix, height), null);
        }
        old.clear();
    }

    // ---------------------------------------------------------------- view change (§4.4, §4.5.2)

    /** The primary proposed something no honest primary would: replace it now instead of waiting for the timer. */
    private void suspectPrimary(String why) {
        lastInvalidProposal = why;
        invalidProposals++;
        startViewChange(view + 1);
    }

    private void startViewChange(long target) {
        if (target <= view) {
            return;
        }
        view = target;
        active = false;
        viewChangeCount++;
        ticksSinceProgress = 0;
        slots.clear();
        currentNewView = null;
        ViewChange vc = buildViewChange(target);
        myViewChange = Signed.sign(vc, key, config.chainId());
        out.persist(PersistKeys.VIEW, PersistKeys.encodeView(new PersistKeys.ViewState(target, false)));
        out.broadcast(myViewChange.encode());
        viewChanges.put(myViewChange);
        viewChanges.movedTo(target);
        maybeBuildNewView();
    }

    private ViewChange buildViewChange(long target) {
        List<PreparedCert> certs = new ArrayList<>();
        List<Block> bodies = new ArrayList<>();
        if (!config.has(InjectedFault.VIEW_CHANGE_WITHOUT_PREPARED)) {
            for (PreparedBlock c : prepared.tailMap(stable.height(), false).values()) {
                if (c.cert().height() <= windowTop()) {
                    certs.add(c.cert());
                    if (c.cert().height() > lastCommitted) {
                        bodies.add(c.block());
                    }
                }
            }
        }
        return new ViewChange(target, stable, certs, bodies);
    }

    private StepResult onViewChange(Signed<ViewChange> s) {
        ViewChange vc = s.body();
        if (vc.newView() < view || (vc.newView() == view && active)) {
            helpLaggard(s.signer());
            return StepResult.rejected(RejectReason.STALE_VIEW, "view change to " + vc.newView() + ", now in " + view);
        }
        Signed<ViewChange> prev = viewChanges.of(s.signer());
        if (prev != null && prev.body().newView() >= vc.newView()) {
            return prev.body().newView() == vc.newView() ? StepResult.rejected(RejectReason.DUPLICATE, "view change already received")
                    : StepResult.rejected(RejectReason.STALE_VIEW, "signer already asked for a higher view");
        }
        Validation bad = proofs.viewChange(s);
        if (bad instanceof Validation.Refused r) {
            return StepResult.rejected(RejectReason.INVALID_VIEW_CHANGE, r);
        }
        viewChanges.put(s);
        noteHigherView(s.signer(), vc.newView());
        checkJoin();
        maybeBuildNewView();
        return StepResult.accepted();
    }

    /**
     * §4.5.2: a replica changing view starts its timer only once q replicas (itself included) have
     * asked for its target view or a higher one. A replica that is alone (partitioned, or the only
     * one to suspect the primary) therefore waits instead of racing to ever higher views; counting
     * higher views too means replicas that already moved on still count, so the rest cannot stall.
     */
    private boolean viewChangeQuorum() {
        return viewChanges.countAtOrAbove(view) >= quorums.q;
    }

    private void noteHigherView(PublicKey signer, long v) {
        if (v > view && !signer.equals(self)) {
            viewChanges.noteView(signer, v);
        }
    }

    /** §4.5.2: join a view change once f + 1 others are in higher views; go to the smallest of the f + 1 highest. */
    private void checkJoin() {
        viewChanges.joinTarget(view, quorums.f).ifPresent(this::startViewChange);
    }

    private void maybeBuildNewView() {
        if (active || !validators.primaryOf(view).equals(self)) {
            return;
        }
        List<Signed<ViewChange>> vcs = viewChanges.quorumFor(view, myViewChange, quorums.q);
        if (vcs.size() < quorums.q) {
            return;
        }
        ProofChecker.Plan plan = proofs.plan(vcs);
        List<Block> bodies = new ArrayList<>();
        for (ProofChecker.Reproposal r : plan.slots()) {
            Block b = ProofChecker.bodyIn(vcs, r.height(), r.hash()).orElse(blocks.get(r.height(), r.hash()));
            if (b == null) {
                return; // a committed block this replica has not seen yet: sync brings it, synced() retries
            }
            bodies.add(b);
        }
        List<Signed<PrePrepare>> pps = new ArrayList<>();
        for (Block b : bodies) {
            pps.add(Signed.sign(new PrePrepare(view, b.height(), b), key, config.chainId()));
        }
        Signed<NewView> nv = Signed.sign(new NewView(view, vcs, pps), key, config.chainId());
        for (Signed<PrePrepare> pp : pps) {
            sentPrePrepare.put(pp.body().height(), pp);
            out.persist(PersistKeys.at(PersistKeys.PRE_PREPARE, pp.body().height()), PersistKeys.encodeNested(pp));
        }
        enterView(nv, plan);
        out.broadcast(nv.encode());
    }

    private StepResult onNewView(Signed<NewView> s) {
        NewView nv = s.body();
        if (nv.view() < view || (nv.view() == view && active)) {
            return StepResult.rejected(RejectReason.STALE_VIEW, "new view " + nv.view() + ", now in " + view + (active ? "" : " (changing)"));
        }
        Validation bad = proofs.newView(s);
        if (bad instanceof Validation.Refused r) {
            return StepResult.rejected(RejectReason.INVALID_VIEW_CHANGE, r);
        }
        enterView(s, proofs.plan(nv.viewChanges()));
        return StepResult.accepted();
    }

    private void enterView(Signed<NewView> nv, ProofChecker.Plan plan) {
        long v = nv.body().view();
        if (v > view) {
            viewChangeCount++;
        }
        view = v;
        active = true;
        currentNewView = nv;
        myViewChange = null;
        ticksSinceProgress = 0;
        out.persist(PersistKeys.VIEW, PersistKeys.encodeView(new PersistKeys.ViewState(v, true)));
        viewChanges.entered(v);
        slots.clear();
        if (plan.stable().height() > stable.height()) {
            stabilize(plan.stable());
        }
        for (Signed<PrePrepare> pp : nv.body().prePrepares()) {
            long h = pp.body().height();
            if (h > stable.height() && h <= windowTop()) {
                Slot s = slot(h);
                s.prePrepare = pp;
                if (isPrimary()) {
                    s.verdict = Verdict.Kind.VALID;
                }
                blocks.add(pp.body().block());
            }
        }
        long arrival = receivedAtMs;
        for (FutureBuffer.Buffered b : future.takeView(v, PbftEngine::viewOf)) {
            receivedAtMs = b.arrivedAtMs(); // a proposal that waited for its NEW-VIEW is judged by when it arrived
            handle(b.message());
        }
        receivedAtMs = arrival;
        for (Long h : new ArrayList<>(slots.keySet())) {
            progress(h);
        }
    }

    private static long viewOf(PbftMessage m) {
        if (m instanceof PrePrepare pp) {
            return pp.view();
        }
        if (m instanceof Prepare p) {
            return p.view();
        }
        return -1;
    }

    /** A replica sent a message from an older view: send it the NEW-VIEW that proves the current one (rate-limited). */
    private void helpLaggard(PublicKey signer) {
        if (!active || currentNewView == null || signer.equals(self)) {
            return;
        }
        if (newViewHelp.allow(signer, ticks)) {
            out.send(signer, currentNewView.encode());
        }
    }

    /**
     * A replica sent something at or below our stable checkpoint: it is behind. Relay the signed
     * CHECKPOINTs that make ours stable (they verify whoever relays them), so it can move its window
     * and sync (rate-limited per replica).
     */
    private void sendStableProof(PublicKey signer) {
        if (stable.signatures().isEmpty() || signer.equals(self)) {
            return; // an epoch base needs no proof
        }
        if (checkpointHelp.allow(signer, ticks)) {
            for (Signed<Checkpoint> c : stable.signatures()) {
                out.send(signer, c.encode());
            }
        }
    }

    // ---------------------------------------------------------------- retransmission and sync

    private void retransmit() {
        if (!active) {
            if (myViewChange != null) {
                out.broadcast(myViewChange.encode());
            }
        } else {
            for (Slot s : slots.tailMap(lastCommitted - RETRANSMIT_COMMITTED_TAIL, false).values()) {
                if (s.prePrepare != null && s.prePrepare.signer().equals(self) && isPrimary()) {
                    out.broadcast(s.prePrepare.encode());
                }
                Signed<Prepare> p = s.prepares.get(self);
                if (p != null) {
                    out.broadcast(p.encode());
                }
            }
            long from = Math.max(stable.height(), lastCommitted - RETRANSMIT_COMMITTED_TAIL);
            for (long h = from + 1; h <= windowTop(); h++) {
                Optional<Signed<Commit>> c = commits.of(h, self);
                if (c.isEmpty()) {
                    if (h > lastCommitted && !slots.containsKey(h)) {
                        break;
                    }
                    continue;
                }
                out.broadcast(c.get().encode());
            }
        }
        if (myCheckpoint != null && myCheckpoint.body().height() > stable.height()) {
            out.broadcast(myCheckpoint.encode());
        }
    }

    private void maybeRequestSync(boolean force) {
        long provenFinal = Math.max(Math.max(stable.height(), checkpointAhead), Math.max(
                ahead.isEmpty() ? 0 : ahead.firstKey() - 1,
                certifiedWithoutBody.isEmpty() ? 0 : certifiedWithoutBody.lastKey()));
        provenFinal = Math.min(provenFinal, epochHorizon());
        if (provenFinal > lastCommitted) {
            sync.next(lastCommitted, provenFinal, syncHolders(), ticks, force).ifPresent(out::sync);
        }
    }

    private List<PublicKey> syncHolders() {
        List<PublicKey> holders = new ArrayList<>();
        if (!certifiedWithoutBody.isEmpty()) {
            holders.addAll(certifiedWithoutBody.lastEntry().getValue());
        } else {
            for (Signed<Checkpoint> c : stable.signatures()) {
                holders.add(c.signer());
            }
        }
        holders.remove(self);
        return holders;
    }
}
