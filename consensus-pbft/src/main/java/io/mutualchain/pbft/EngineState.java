package io.mutualchain.pbft;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.CheckpointProof;
import io.mutualchain.pbft.message.MessageCodec;
import io.mutualchain.pbft.message.NewView;
import io.mutualchain.pbft.message.PbftMessage;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.PreparedBlock;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.ViewChange;
import java.util.List;
import java.util.TreeMap;

/**
 * Everything one replica knows, shared by the engine's parts ({@link NormalCase},
 * {@link Checkpointing}, {@link ViewChanging}, {@link Retransmission}, {@link StateSync}, ...). It
 * holds fields and the few values derived from them (the epoch horizon, the window top); the rules
 * that change them live in the parts. One thread owns it, as it owns the {@link PbftEngine}.
 */
final class EngineState {
    /** Smallest message size bound, whatever the block size: room for a NEW-VIEW of small blocks. */
    static final int MIN_MESSAGE_BYTES = 1 << 20;

    final PbftConfig config;
    final KeyPair key;
    final PublicKey self;
    final ValidatorSet validators;
    final BlockValidator app;
    final Quorums quorums;
    final MessageCodec codec;
    final BlockRules rules;
    final BlockTimeRule time;
    final ProofChecker proofs;
    final Outbox out;
    final int maxMessageBytes;

    // View state.
    long view;
    boolean active = true;
    long viewChangeCount;
    int backoff;
    long ticks;
    long ticksSinceProgress;
    long highestKnownCommitted;
    long invalidProposals;
    String lastInvalidProposal = "";
    long untimelyProposals;
    /** When the message being handled reached this node (local clock); a message replayed from the future-view buffer keeps its own. */
    long receivedAtMs;
    Untimely lastUntimely;
    /** Why this replica last started or joined a view change; null before the first. */
    ViewChangeCause lastViewChangeCause;
    /** The last height of this epoch once the ledger has scheduled the next one; none until then. */
    long epochEnd = PbftEngine.NO_EPOCH_END;
    /** The highest checkpoint a quorum signed above {@link #epochHorizon()}: this replica is behind at least that far. */
    long checkpointAhead;
    /** No PREPARE or COMMIT at or below this height: this replica lost the records of what it signed there. */
    long silentThrough;

    // Heights.
    CheckpointProof stable = CheckpointProof.GENESIS;
    long lastCommitted;
    Hash32 lastCommittedHash;
    long lastApplied;
    Hash32 lastAppliedHash;
    final TreeMap<Long, Hash32> committedHashes = new TreeMap<>();
    final TreeMap<Long, CommittedBlock> ahead = new TreeMap<>();
    final TreeMap<Long, List<PublicKey>> certifiedWithoutBody = new TreeMap<>();

    // Log of the current view, and what counts across views.
    final TreeMap<Long, Slot> slots = new TreeMap<>();
    final BlockStore blocks = new BlockStore();
    final CommitVotes commits = new CommitVotes();
    final CheckpointTracker checkpoints = new CheckpointTracker();
    Signed<Checkpoint> myCheckpoint;

    // What this replica has sent (persisted, restored after a crash).
    final TreeMap<Long, Signed<PrePrepare>> sentPrePrepare = new TreeMap<>();
    final TreeMap<Long, PersistKeys.Vote> sentPrepare = new TreeMap<>();
    final TreeMap<Long, PersistKeys.Vote> sentCommit = new TreeMap<>();
    final TreeMap<Long, PreparedBlock> prepared = new TreeMap<>();

    // View change.
    final ViewChangeLog viewChanges = new ViewChangeLog();
    final FutureBuffer future = new FutureBuffer();
    Signed<ViewChange> myViewChange;
    Signed<NewView> currentNewView;
    final RateLimiter newViewHelp;
    final RateLimiter checkpointHelp;

    final SyncPlanner sync;

    EngineState(PbftConfig config, KeyPair key, ValidatorSet validators, BlockValidator validator,
                long lastCommittedHeight, Hash32 lastCommittedHash) {
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
    }

    /** Signs a message of this replica with its key, for this chain. */
    <T extends PbftMessage> Signed<T> sign(T body) {
        return Signed.sign(body, key, config.chainId());
    }

    /**
     * The highest height certainly in this epoch: its scheduled end, or else the first checkpoint
     * height above the next block to apply. The ledger makes a change approved in block h take effect
     * after the first checkpoint height above h, so no change approved in that block or later can end
     * the epoch sooner. Above it, messages may be the next epoch's, signed by validators of both sets
     * (the next epoch may already run on replicas that are ahead), so they are not counted here.
     */
    long epochHorizon() {
        if (epochEnd != PbftEngine.NO_EPOCH_END) {
            return epochEnd;
        }
        long k = config.checkpointInterval();
        return ((lastApplied + 1) / k + 1) * k;
    }

    /** The highest height this replica may act on now: the watermark window, and never past what is certainly this epoch. */
    long windowTop() {
        return Math.min(stable.height() + config.watermarkWindow(), epochHorizon());
    }

    boolean isPrimary() {
        return validators.primaryOf(view).equals(self);
    }

    Slot slot(long h) {
        return slots.computeIfAbsent(h, Slot::new);
    }

    /** Progress: a height above any known committed one restarts the view-change timer and its backoff. */
    void noteCommitted(long h) {
        if (h > highestKnownCommitted) {
            highestKnownCommitted = h;
            ticksSinceProgress = 0;
            backoff = 0;
        }
    }
}
