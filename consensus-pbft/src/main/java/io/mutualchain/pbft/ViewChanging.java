package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.pbft.message.NewView;
import io.mutualchain.pbft.message.PbftMessage;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * View change (§4.4, §4.5.2): the timer and its backoff, starting or joining a view change (the
 * f + 1 rule), collecting VIEW-CHANGEs, building the NEW-VIEW as the new primary, and entering a
 * view, after which the normal case resumes: re-proposed heights progress and the pre-prepares and
 * PREPAREs buffered for that view are handled as if they had just arrived.
 */
final class ViewChanging {
    /** Largest doubling of the view-change timeout; the timeout is further capped by the configured maximum. */
    static final int MAX_BACKOFF_SHIFT = 16;

    private final EngineState st;
    private final Checkpointing checkpoints;
    private final ViewChangeValidator viewChangeValidator;
    private final NewViewValidator newViewValidator;
    /** Moves one height of the normal case as far as it can go ({@link NormalCase#progress}). */
    private final LongConsumer progress;
    /** Handles a buffered message as the engine handles any verified message. */
    private final Consumer<Signed<? extends PbftMessage>> replay;

    ViewChanging(EngineState st, Checkpointing checkpoints, ViewChangeValidator viewChangeValidator,
                 NewViewValidator newViewValidator, LongConsumer progress, Consumer<Signed<? extends PbftMessage>> replay) {
        this.st = st;
        this.checkpoints = checkpoints;
        this.viewChangeValidator = viewChangeValidator;
        this.newViewValidator = newViewValidator;
        this.progress = progress;
        this.replay = replay;
    }

    /** The current view-change timeout: first timeout doubled per consecutive expiry, capped. */
    long currentTimeoutTicks() {
        long t = (long) st.config.viewChangeTimeoutTicks() << Math.min(st.backoff, MAX_BACKOFF_SHIFT);
        return Math.min(t, st.config.maxViewChangeTimeoutTicks());
    }

    /** The view-change timer: runs in an active view, or once q replicas want a view change (§4.5.2). */
    void onTick() {
        if (st.active || viewChangeQuorum()) {
            st.ticksSinceProgress++;
        }
        long timeout = currentTimeoutTicks();
        if (st.ticksSinceProgress >= timeout) {
            st.backoff = Math.min(st.backoff + 1, MAX_BACKOFF_SHIFT);
            startViewChange(st.view + 1, ViewChangeCause.Kind.TIMEOUT, "no height committed for " + timeout + " ticks"
                    + (st.active ? "" : " while changing view"));
        }
    }

    /** The primary proposed something no honest primary would: replace it now instead of waiting for the timer. */
    void suspectPrimary(ViewChangeCause.Kind kind, String why) {
        st.lastInvalidProposal = why;
        st.invalidProposals++;
        startViewChange(st.view + 1, kind, why);
    }

    private void startViewChange(long target, ViewChangeCause.Kind kind, String why) {
        if (target <= st.view) {
            return;
        }
        st.lastViewChangeCause = new ViewChangeCause(kind, st.view, target, why);
        st.view = target;
        st.active = false;
        st.viewChangeCount++;
        st.ticksSinceProgress = 0;
        st.slots.clear();
        st.currentNewView = null;
        ViewChange vc = OwnViewChange.build(st, target);
        st.myViewChange = st.sign(vc);
        st.out.persist(PersistKeys.VIEW, PersistKeys.encodeView(new PersistKeys.ViewState(target, false)));
        st.out.broadcast(st.myViewChange.encode());
        st.viewChanges.put(st.myViewChange);
        st.viewChanges.movedTo(target);
        maybeBuildNewView();
    }

    StepResult onViewChange(Signed<ViewChange> s) {
        checkpoints.learnFromProof(s.body().stable());
        StepResult refused = viewChangeValidator.validate(s);
        if (!refused.isAccepted()) {
            return refused;
        }
        st.viewChanges.put(s);
        noteHigherView(s.signer(), s.body().newView());
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
        return st.viewChanges.countAtOrAbove(st.view) >= st.quorums.q;
    }

    /** Another replica showed it is in view {@code v}; counted towards the f + 1 rule if above ours. */
    void noteHigherView(PublicKey signer, long v) {
        if (v > st.view && !signer.equals(st.self)) {
            st.viewChanges.noteView(signer, v);
        }
    }

    /** §4.5.2: join a view change once f + 1 others are in higher views; go to the smallest of the f + 1 highest. */
    void checkJoin() {
        st.viewChanges.joinTarget(st.view, st.quorums.f).ifPresent(target -> startViewChange(target, ViewChangeCause.Kind.JOINED,
                st.quorums.f + 1 + " other replicas are in view " + target + " or higher"));
    }

    /** As the primary of the view being changed to: once q VIEW-CHANGEs are in, send the NEW-VIEW and enter the view. */
    void maybeBuildNewView() {
        if (st.active || !st.validators.primaryOf(st.view).equals(st.self)) {
            return;
        }
        List<Signed<ViewChange>> vcs = st.viewChanges.quorumFor(st.view, st.myViewChange, st.quorums.q);
        if (vcs.size() < st.quorums.q) {
            return;
        }
        ProofChecker.Plan plan = st.proofs.plan(vcs);
        List<Block> bodies = new ArrayList<>();
        for (ProofChecker.Reproposal r : plan.slots()) {
            Block b = ProofChecker.bodyIn(vcs, r.height(), r.hash()).orElse(st.blocks.get(r.height(), r.hash()));
            if (b == null) {
                return; // a committed block this replica has not seen yet: sync brings it, synced() retries
            }
            bodies.add(b);
        }
        List<Signed<PrePrepare>> pps = new ArrayList<>();
        for (Block b : bodies) {
            pps.add(st.sign(new PrePrepare(st.view, b.height(), b)));
        }
        Signed<NewView> nv = st.sign(new NewView(st.view, vcs, pps));
        for (Signed<PrePrepare> pp : pps) {
            st.sentPrePrepare.put(pp.body().height(), pp);
            st.out.persist(PersistKeys.at(PersistKeys.PRE_PREPARE, pp.body().height()), PersistKeys.encodeNested(pp));
        }
        enterView(nv, plan);
        st.out.broadcast(nv.encode());
    }

    StepResult onNewView(Signed<NewView> s) {
        for (Signed<ViewChange> vc : s.body().viewChanges()) {
            checkpoints.learnFromProof(vc.body().stable());
        }
        StepResult refused = newViewValidator.validate(s);
        if (!refused.isAccepted()) {
            return refused;
        }
        enterView(s, st.proofs.plan(s.body().viewChanges()));
        return StepResult.accepted();
    }

    private void enterView(Signed<NewView> nv, ProofChecker.Plan plan) {
        long v = nv.body().view();
        if (v > st.view) {
            st.viewChangeCount++;
        }
        st.view = v;
        st.active = true;
        st.currentNewView = nv;
        st.myViewChange = null;
        st.ticksSinceProgress = 0;
        st.out.persist(PersistKeys.VIEW, PersistKeys.encodeView(new PersistKeys.ViewState(v, true)));
        st.viewChanges.entered(v);
        st.slots.clear();
        if (plan.stable().height() > st.stable.height()) {
            checkpoints.stabilize(plan.stable());
        }
        for (Signed<PrePrepare> pp : nv.body().prePrepares()) {
            long h = pp.body().height();
            if (h > st.stable.height() && h <= st.windowTop()) {
                Slot s = st.slot(h);
                s.prePrepare = pp;
                if (st.isPrimary()) {
                    s.verdict = Verdict.Kind.VALID;
                }
                st.blocks.add(pp.body().block());
            }
        }
        long arrival = st.receivedAtMs;
        for (FutureBuffer.Buffered b : st.future.takeView(v, ViewChanging::viewOf)) {
            st.receivedAtMs = b.arrivedAtMs(); // a proposal that waited for its NEW-VIEW is judged by when it arrived
            replay.accept(b.message());
        }
        st.receivedAtMs = arrival;
        for (Long h : new ArrayList<>(st.slots.keySet())) {
            progress.accept(h);
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
}
