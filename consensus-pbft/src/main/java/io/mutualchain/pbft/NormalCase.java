package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.pbft.message.Commit;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.PrePrepareDigest;
import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.PreparedBlock;
import io.mutualchain.pbft.message.PreparedCert;
import io.mutualchain.pbft.message.Signed;

/**
 * The normal case (§4.2) with pipelining: the primary proposes in the window, backups validate the
 * block on its applied parent and PREPARE, q matching votes make a height prepared (its certificate
 * persisted) and COMMIT, and a quorum of COMMITs hands the block to {@link Delivery}. Several
 * heights are open at once; each is validated only when its parent is applied.
 */
final class NormalCase {
    private final EngineState st;
    private final PrePrepareValidator prePrepareValidator;
    private final PrepareValidator prepareValidator;
    private final CommitValidator commitValidator;
    private final ViewChanging viewChanging;
    private final Checkpointing checkpoints;
    private final Delivery delivery;
    private final SyncRequests sync;

    NormalCase(EngineState st, PrePrepareValidator prePrepareValidator, PrepareValidator prepareValidator,
               CommitValidator commitValidator, ViewChanging viewChanging, Checkpointing checkpoints,
               Delivery delivery, SyncRequests sync) {
        this.st = st;
        this.prePrepareValidator = prePrepareValidator;
        this.prepareValidator = prepareValidator;
        this.commitValidator = commitValidator;
        this.viewChanging = viewChanging;
        this.checkpoints = checkpoints;
        this.delivery = delivery;
        this.sync = sync;
    }

    boolean canPropose() {
        long next = nextProposalHeight();
        return st.active && st.isPrimary() && next <= st.windowTop() && st.lastApplied == next - 1;
    }

    long nextProposalHeight() {
        long next = Math.max(st.lastCommitted, st.stable.height()) + 1;
        for (Slot s : st.slots.descendingMap().values()) {
            if (s.prePrepare != null) {
                return Math.max(next, s.height + 1);
            }
        }
        return next;
    }

    /** The primary's own proposal; the caller has checked {@link #canPropose()}. */
    void propose(Block block) {
        long h = nextProposalHeight();
        Validation bad = st.rules.check(block, h, st.view, false);
        if (!bad.isOk()) {
            throw new IllegalArgumentException("proposal refused: " + bad.message());
        }
        if (!block.header().prevHash().equals(st.lastAppliedHash)) {
            throw new IllegalArgumentException("proposal's parent is not the last applied block");
        }
        Signed<PrePrepare> pp = st.sign(new PrePrepare(st.view, h, block));
        st.sentPrePrepare.put(h, pp);
        st.out.persist(PersistKeys.at(PersistKeys.PRE_PREPARE, h), PersistKeys.encodeNested(pp));
        st.out.broadcast(pp.encode());
        Slot s = st.slot(h);
        s.prePrepare = pp;
        s.verdict = Verdict.Kind.VALID;
        st.blocks.add(block);
        progress(h);
    }

    /** The ledger applied the next committed block (checked by the caller): sign a checkpoint at K, validate the next height. */
    void applied(long height, Hash32 blockHash, Hash32 stateRootAfter) {
        long horizonBefore = st.epochHorizon();
        st.lastApplied = height;
        st.lastAppliedHash = blockHash;
        st.committedHashes.headMap(Math.min(st.lastApplied, st.stable.height()), false).clear();
        if (height % st.config.checkpointInterval() == 0 && height > st.stable.height()) {
            checkpoints.signCheckpoint(height, blockHash, stateRootAfter);
        }
        progress(height + 1);
        if (st.epochHorizon() > horizonBefore && st.checkpointAhead > st.lastCommitted) {
            sync.maybeRequestSync(true); // the next stretch of a chain known to be ahead is now certainly this epoch's
        }
    }

    StepResult onPrePrepare(Signed<PrePrepare> s) {
        StepResult refused = prePrepareValidator.validate(s);
        if (!refused.isAccepted()) {
            return refused;
        }
        PrePrepare pp = s.body();
        Slot slot = st.slot(pp.height());
        slot.prePrepare = s;
        st.blocks.add(pp.block());
        for (Signed<Prepare> other : slot.prepares.values()) {
            showPrePrepareIfDifferent(slot, other);
        }
        progress(pp.height());
        return StepResult.accepted();
    }

    StepResult onPrepare(Signed<Prepare> s) {
        StepResult refused = prepareValidator.validate(s);
        if (!refused.isAccepted()) {
            return refused;
        }
        Slot slot = st.slot(s.body().height());
        slot.prepares.put(s.signer(), s);
        showPrePrepareIfDifferent(slot, s);
        progress(s.body().height());
        return StepResult.accepted();
    }

    StepResult onCommit(Signed<Commit> s) {
        StepResult refused = commitValidator.validate(s);
        if (!refused.isAccepted()) {
            return refused;
        }
        if (!st.commits.add(s)) {
            return StepResult.rejected(RejectReason.DUPLICATE, "signer already committed at this height in this or a later view");
        }
        progress(s.body().height());
        return StepResult.accepted();
    }

    /**
     * A replica prepared another block than the one our primary sent us: either it is faulty or the
     * primary equivocated. Showing it our pre-prepare lets it prove the latter (it then holds two
     * blocks signed by the primary for one height) and start the view change. Once per signer and
     * height, since only a signer's first PREPARE per height is kept.
     */
    private void showPrePrepareIfDifferent(Slot slot, Signed<Prepare> p) {
        if (slot.prePrepare != null && !p.body().blockHash().equals(slot.hash()) && !p.signer().equals(st.self)) {
            st.out.send(p.signer(), slot.prePrepare.encode());
        }
    }

    /** Moves height {@code h} as far as it can go: validate, prepare, commit, deliver. */
    void progress(long h) {
        Slot s = st.slots.get(h);
        if (s != null && st.active && s.prePrepare != null) {
            PublicKey primary = st.validators.primaryOf(st.view);
            if (!primary.equals(st.self) && !s.sentPrepare && s.verdict != Verdict.Kind.INVALID) {
                validateAndPrepare(s);
            }
            if (!s.sentCommit && s.verdict != Verdict.Kind.INVALID && s.matchingPrepares(primary).size() >= st.quorums.prepares) {
                sendCommit(s, primary);
            }
        }
        delivery.checkCommitted(h);
    }

    private void validateAndPrepare(Slot s) {
        Block block = s.prePrepare.body().block();
        Hash32 known = st.committedHashes.get(s.height);
        if (known != null) {
            if (known.equals(s.hash())) {
                sendPrepare(s);
            } else {
                reject(s, "block differs from the one committed at this height");
            }
            return;
        }
        if (s.height != st.lastApplied + 1 || s.height <= st.lastCommitted) {
            return;
        }
        if (!block.header().prevHash().equals(st.lastAppliedHash)) {
            reject(s, "block's parent is not the last applied block");
            return;
        }
        Verdict v = st.app.validate(block);
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
        viewChanging.suspectPrimary(ViewChangeCause.Kind.INVALID_PROPOSAL, "height " + s.height + " in view " + st.view + ": " + why);
    }

    private void sendPrepare(Slot s) {
        if (s.height <= st.silentThrough) {
            return;
        }
        PersistKeys.Vote vote = new PersistKeys.Vote(st.view, s.hash());
        PersistKeys.Vote before = st.sentPrepare.get(s.height);
        if (before != null && before.view() == st.view && !before.hash().equals(s.hash())) {
            return; // never contradict a PREPARE sent before a crash
        }
        if (!vote.equals(before)) {
            st.sentPrepare.put(s.height, vote);
            st.out.persist(PersistKeys.at(PersistKeys.PREPARE, s.height), PersistKeys.encodeVote(vote));
        }
        Signed<Prepare> p = st.sign(new Prepare(st.view, s.height, s.hash()));
        st.out.broadcast(p.encode());
        s.prepares.put(st.self, p);
        s.sentPrepare = true;
    }

    private void sendCommit(Slot s, PublicKey primary) {
        if (s.height <= st.silentThrough) {
            return;
        }
        PersistKeys.Vote vote = new PersistKeys.Vote(st.view, s.hash());
        PersistKeys.Vote before = st.sentCommit.get(s.height);
        if (before != null && before.view() == st.view && !before.hash().equals(s.hash())) {
            return; // never contradict a COMMIT sent before a crash
        }
        PreparedBlock cert = new PreparedBlock(new PreparedCert(PrePrepareDigest.of(s.prePrepare), s.matchingPrepares(primary)),
                s.prePrepare.body().block());
        st.prepared.put(s.height, cert);
        st.out.persist(PersistKeys.at(PersistKeys.CERT, s.height), PersistKeys.encodeCert(cert));
        if (!vote.equals(before)) {
            st.sentCommit.put(s.height, vote);
            st.out.persist(PersistKeys.at(PersistKeys.COMMIT, s.height), PersistKeys.encodeVote(vote));
        }
        Signed<Commit> c = st.sign(new Commit(st.view, s.height, s.hash()));
        st.out.broadcast(c.encode());
        st.commits.add(c);
        s.sentCommit = true;
    }
}
