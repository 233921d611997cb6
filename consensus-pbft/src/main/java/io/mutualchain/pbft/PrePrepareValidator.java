package io.mutualchain.pbft;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.Signed;
import java.util.Optional;

/**
 * Admission of a PRE-PREPARE (§4.2): view and window ({@link NormalCaseAdmission}), signed by the
 * primary of its view, the first for its height, a block that passes {@link BlockRules}, and a
 * timestamp that passes the block-time rule. A primary that sends two blocks for one height, an
 * invalid block or an untimely one is suspected at once ({@link ViewChanging#suspectPrimary}).
 */
final class PrePrepareValidator {
    private final EngineState st;
    private final NormalCaseAdmission admission;
    private final ViewChanging viewChanging;

    PrePrepareValidator(EngineState st, NormalCaseAdmission admission, ViewChanging viewChanging) {
        this.st = st;
        this.admission = admission;
        this.viewChanging = viewChanging;
    }

    StepResult validate(Signed<PrePrepare> s) {
        PrePrepare pp = s.body();
        Optional<StepResult> refused = admission.refusal(s, pp.view(), pp.height());
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!s.signer().equals(st.validators.primaryOf(pp.view()))) {
            return StepResult.rejected(RejectReason.NOT_PRIMARY, "pre-prepare not signed by the primary of view " + pp.view());
        }
        Slot slot = st.slot(pp.height());
        if (slot.prePrepare != null) {
            if (slot.hash().equals(pp.blockHash())) {
                return StepResult.rejected(RejectReason.DUPLICATE, "pre-prepare already received");
            }
            // Both pre-prepares carry the primary's signature: relayed, they prove the equivocation to everyone.
            st.out.broadcast(slot.prePrepare.encode());
            st.out.broadcast(s.encode());
            viewChanging.suspectPrimary(ViewChangeCause.Kind.EQUIVOCATION, "height " + pp.height() + " in view " + st.view + ": the primary sent two different blocks");
            return StepResult.rejected(RejectReason.CONFLICTING, "primary sent two blocks for height " + pp.height());
        }
        Validation bad = st.rules.check(pp.block(), pp.height(), pp.view(), false);
        if (bad instanceof Validation.Refused r) {
            viewChanging.suspectPrimary(ViewChangeCause.Kind.INVALID_PROPOSAL, "height " + pp.height() + " in view " + st.view + ": " + r.message());
            return StepResult.rejected(RejectReason.INVALID_BLOCK, r);
        }
        return checkTimely(pp);
    }

    /**
     * The block-time rule, when a new proposal first arrives: no vote for a block stamped outside
     * this validator's clock window, and a view change instead (a primary with a wrong clock is
     * replaced as one that proposes invalid blocks is). Not for a block already committed at that
     * height (voting for it again is harmless), nor for blocks re-proposed in a NEW-VIEW: those carry
     * a prepared certificate, and were judged when they were first proposed.
     */
    private StepResult checkTimely(PrePrepare pp) {
        Hash32 known = st.committedHashes.get(pp.height());
        if (known != null && known.equals(pp.blockHash())) {
            return StepResult.accepted();
        }
        Optional<Untimely> u = st.time.check(pp.block().header().timestampMs(), st.receivedAtMs);
        if (u.isEmpty()) {
            return StepResult.accepted();
        }
        st.untimelyProposals++;
        st.lastUntimely = u.get();
        String why = "height " + pp.height() + " in view " + pp.view() + " proposed by " + pp.block().header().proposer() + ": " + u.get();
        viewChanging.suspectPrimary(ViewChangeCause.Kind.UNTIMELY_PROPOSAL, why);
        return StepResult.rejected(RejectReason.UNTIMELY, why);
    }
}
