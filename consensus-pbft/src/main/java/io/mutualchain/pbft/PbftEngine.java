package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.Commit;
import io.mutualchain.pbft.message.NewView;
import io.mutualchain.pbft.message.PbftMessage;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.ViewChange;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;

/**
 * One validator's PBFT replica as a deterministic state machine. Inputs: {@link #step} (a message
 * from a peer), {@link #tick} (time), {@link #propose} (the daemon's block when {@link #canPropose}),
 * {@link #applied} (the ledger executed a committed block) and {@link #synced} (a block fetched by
 * state sync). Output: {@link #ready}, to be carried out in the order documented on {@link Ready},
 * then acknowledged with {@link #advance}. Not thread-safe: one thread owns it.
 *
 * <p>This class is the front door only: it decodes and authenticates messages, checks the
 * caller's contract, and routes each input to the part that owns it (see the package description).
 */
public final class PbftEngine {
    /** {@link #epochEnd()} while no validator-set change is scheduled. */
    public static final long NO_EPOCH_END = Long.MAX_VALUE;

    private final EngineState st;
    private final NormalCase normal;
    private final Checkpointing checkpointing;
    private final ViewChanging viewChanging;
    private final Retransmission retransmission;
    private final SyncRequests syncRequests;
    private final SyncedBlocks syncedBlocks;

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
        this.st = new EngineState(config, key, validators, validator, lastCommittedHeight, lastCommittedHash);
        LaggardHelp help = new LaggardHelp(st);
        this.syncRequests = new SyncRequests(st);
        this.retransmission = new Retransmission(st);
        Delivery delivery = new Delivery(st, syncRequests);
        this.checkpointing = new Checkpointing(st, syncRequests, new CheckpointValidator(st, help));
        this.viewChanging = new ViewChanging(st, checkpointing, new ViewChangeValidator(st, help), new NewViewValidator(st),
                this::progress, this::handle);
        NormalCaseAdmission admission = new NormalCaseAdmission(st, help, viewChanging);
        this.normal = new NormalCase(st, new PrePrepareValidator(st, admission, viewChanging), new PrepareValidator(st, admission),
                new CommitValidator(st, help), viewChanging, checkpointing, delivery, syncRequests);
        this.syncedBlocks = new SyncedBlocks(st, new SyncedBlockValidator(st), delivery, viewChanging);
        new Recovery(st, checkpointing, normal, syncRequests).restore(restored);
        if (stateRoot != null && lastCommittedHeight > st.stable.height() && lastCommittedHeight % config.checkpointInterval() == 0
                && (st.myCheckpoint == null || st.myCheckpoint.body().height() < lastCommittedHeight)) {
            checkpointing.signCheckpoint(lastCommittedHeight, lastCommittedHash, stateRoot);
        }
    }

    // ---------------------------------------------------------------- inputs

    /** Every input starts here; outside {@link #step} nothing arrives, so "now" stands for the arrival time. */
    private void beginInput() {
        st.out.beginInput();
        st.receivedAtMs = st.config.clock().nowMs();
    }

    /**
     * Decodes, verifies and handles one message. Never throws on hostile input; refusals are typed.
     * Authenticity comes from the signatures inside the message, not from {@code from} (the
     * transport's peer), so signed messages may be relayed; {@code from} is accepted for the
     * transport's bookkeeping and is not trusted.
     */
    public StepResult step(PublicKey from, byte[] encodedMessage) {
        return step(from, encodedMessage, st.config.clock().nowMs());
    }

    /**
     * {@link #step(PublicKey, byte[])} for a message that reached this node when its clock read
     * {@code receivedAtMs} (at most now): the block-time rule judges a proposal by when it arrived,
     * not by how long it then waited in this node's queue behind a block's execution.
     */
    public StepResult step(PublicKey from, byte[] encodedMessage, long receivedAtMs) {
        beginInput();
        st.receivedAtMs = Math.min(receivedAtMs, st.receivedAtMs);
        if (encodedMessage == null || encodedMessage.length > st.maxMessageBytes) {
            return StepResult.rejected(RejectReason.MALFORMED, "message is missing or larger than " + st.maxMessageBytes + " bytes");
        }
        Signed<? extends PbftMessage> m;
        try {
            m = st.codec.decode(encodedMessage);
        } catch (CodecException | IllegalArgumentException e) {
            return StepResult.rejected(RejectReason.MALFORMED, e.getMessage());
        }
        if (!st.validators.contains(m.signer())) {
            return StepResult.rejected(RejectReason.UNKNOWN_SIGNER, "signer " + m.signer() + " is not a validator");
        }
        if (!m.verify(st.config.chainId(), st.config.verifier())) {
            return StepResult.rejected(RejectReason.BAD_SIGNATURE, m.body().type() + " signature does not verify");
        }
        return handle(m);
    }

    /** Routes a decoded, authenticated message to the part that owns its type. */
    @SuppressWarnings("unchecked")
    private StepResult handle(Signed<? extends PbftMessage> m) {
        return switch (m.body().type()) {
            case PRE_PREPARE -> normal.onPrePrepare((Signed<PrePrepare>) m);
            case PREPARE -> normal.onPrepare((Signed<Prepare>) m);
            case COMMIT -> normal.onCommit((Signed<Commit>) m);
            case CHECKPOINT -> checkpointing.onCheckpoint((Signed<Checkpoint>) m);
            case VIEW_CHANGE -> viewChanging.onViewChange((Signed<ViewChange>) m);
            case NEW_VIEW -> viewChanging.onNewView((Signed<NewView>) m);
        };
    }

    private void progress(long height) {
        normal.progress(height);
    }

    /** Advances time by one tick: view-change timer, retransmission, sync retry. */
    public void tick() {
        beginInput();
        st.ticks++;
        viewChanging.onTick();
        retransmission.onTick();
        syncRequests.maybeRequestSync(false);
    }

    /** True when this node is the primary of an active view, the next height is in the window and its parent is applied. */
    public boolean canPropose() {
        return normal.canPropose();
    }

    public long nextProposalHeight() {
        return normal.nextProposalHeight();
    }

    /**
     * The timestamp this node, as primary, gives its next block on a parent stamped
     * {@code parentTimeMs}: its clock, or just after the parent; empty while that would be more than
     * PRECISION ahead of its own clock (then it waits, see {@link BlockTimeRule#proposalTime}).
     */
    public OptionalLong proposalTimestamp(long parentTimeMs) {
        return st.time.proposalTime(parentTimeMs, st.config.clock().nowMs());
    }

    /**
     * Proposes {@code block} at {@link #nextProposalHeight()}. Only when {@link #canPropose()}; the
     * header must name this node as proposer, the current view, and the last applied block as parent.
     */
    public void propose(Block block) {
        if (!canPropose()) {
            throw new IllegalStateException("cannot propose now (primary " + isPrimary() + ", active " + st.active + ")");
        }
        beginInput();
        normal.propose(block);
    }

    /** The ledger executed and stored the committed block at {@code height}; the state root after it is {@code stateRootAfter}. */
    public void applied(long height, Hash32 blockHash, Hash32 stateRootAfter) {
        if (height != st.lastApplied + 1 || height > st.lastCommitted) {
            throw new IllegalStateException("applied " + height + " but expected " + (st.lastApplied + 1) + " (committed " + st.lastCommitted + ")");
        }
        Hash32 expected = st.committedHashes.get(height);
        if (expected != null && !expected.equals(blockHash)) {
            throw new IllegalStateException("applied block " + blockHash + " at " + height + " is not the committed one " + expected);
        }
        beginInput();
        normal.applied(height, blockHash, stateRootAfter);
    }

    /**
     * A block obtained by state sync for a {@link SyncRequest}. The engine verifies the certificate
     * against the validator set and the block against the certificate; if it fits it is released in
     * {@link Ready#committed} like any other committed block, and the daemon applies it the same way.
     */
    public StepResult synced(Block block, CommitCertificate certificate) {
        beginInput();
        return syncedBlocks.synced(block, certificate);
    }

    /**
     * The ledger has scheduled a validator-set change: this epoch's last height is {@code end} (a
     * checkpoint height), and the next validator set orders the heights after it with a new engine.
     * Called as soon as the ledger state that schedules it is applied, which is before any honest
     * replica of this epoch can prepare height {@code end + 1}; anything already buffered above it
     * (only a faulty replica could have sent it) is dropped, and nothing above it is accepted.
     */
    public void endEpochAt(long end) {
        if (end <= st.config.epochBase() || end % st.config.checkpointInterval() != 0) {
            throw new IllegalArgumentException("epoch end " + end + " must be a checkpoint height above the epoch base " + st.config.epochBase());
        }
        if (end == st.epochEnd) {
            return;
        }
        if (st.epochEnd != NO_EPOCH_END || end < st.lastCommitted) {
            throw new IllegalStateException("epoch end " + end + " conflicts with " + (st.epochEnd != NO_EPOCH_END
                    ? "the scheduled end " + st.epochEnd : "the committed height " + st.lastCommitted));
        }
        beginInput();
        syncedBlocks.endEpochAt(end);
    }

    /** This epoch's last height, or {@link #NO_EPOCH_END}. */
    public long epochEnd() {
        return st.epochEnd;
    }

    /** True once the last block of this epoch is applied: the daemon then hands over to the next epoch's engine. */
    public boolean epochFinished() {
        return st.lastApplied == st.epochEnd;
    }

    /** The highest height certainly in this epoch (see {@link EngineState#epochHorizon()}). */
    long epochHorizon() {
        return st.epochHorizon();
    }

    // ---------------------------------------------------------------- Ready

    public boolean hasReady() {
        return !st.out.isEmpty();
    }

    public Ready ready() {
        return st.out.snapshot();
    }

    public void advance(Ready ready) {
        st.out.remove(ready);
    }

    // ---------------------------------------------------------------- status

    public long view() {
        return st.view;
    }

    public boolean isViewActive() {
        return st.active;
    }

    public boolean isPrimary() {
        return st.isPrimary();
    }

    public PublicKey primary() {
        return st.validators.primaryOf(st.view);
    }

    /** View changes this replica started or joined since it was constructed. */
    public long viewChanges() {
        return st.viewChangeCount;
    }

    /** Proposals this replica refused after the engine's or the application's checks (a metric). */
    public long invalidProposals() {
        return st.invalidProposals;
    }

    /** Why the last refused proposal was refused, for logs; empty if none. */
    public String lastInvalidProposal() {
        return st.lastInvalidProposal;
    }

    /** New proposals this replica refused under the block-time rule (a metric). */
    public long untimelyProposals() {
        return st.untimelyProposals;
    }

    /** The last such refusal, or null if none. */
    public Untimely lastUntimely() {
        return st.lastUntimely;
    }

    /** Why this replica last started or joined a view change, if it ever did in this epoch. */
    public Optional<ViewChangeCause> lastViewChangeCause() {
        return Optional.ofNullable(st.lastViewChangeCause);
    }

    public long lastCommittedHeight() {
        return st.lastCommitted;
    }

    public long lastAppliedHeight() {
        return st.lastApplied;
    }

    public long stableCheckpointHeight() {
        return st.stable.height();
    }

    /**
     * This replica lost its vote records (its store was rebuilt) and may have signed PREPAREs and
     * COMMITs up to {@code height} before: it never votes at or below it again, whatever a NEW-VIEW
     * re-proposes there. The daemon starts the engine only past that height; this guards re-proposals.
     */
    public void staySilentThrough(long height) {
        st.silentThrough = Math.max(st.silentThrough, height);
    }

    public long ticks() {
        return st.ticks;
    }

    public PublicKey publicKey() {
        return st.self;
    }

    /** The current view-change timeout: first timeout doubled per consecutive expiry, capped. */
    public long currentTimeoutTicks() {
        return viewChanging.currentTimeoutTicks();
    }
}
