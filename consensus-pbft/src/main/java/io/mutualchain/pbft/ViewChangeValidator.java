package io.mutualchain.pbft;

import io.mutualchain.core.validation.Validation;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.ViewChange;

/**
 * Admission of a VIEW-CHANGE (§4.4): for a view this replica has not left, newer than what its
 * signer asked for before, and proving what it claims ({@link ProofChecker#viewChange}). One from
 * an older view shows its signer is behind, so it gets the NEW-VIEW of the current one.
 */
final class ViewChangeValidator {
    private final EngineState st;
    private final LaggardHelp help;

    ViewChangeValidator(EngineState st, LaggardHelp help) {
        this.st = st;
        this.help = help;
    }

    StepResult validate(Signed<ViewChange> s) {
        ViewChange vc = s.body();
        if (vc.newView() < st.view || (vc.newView() == st.view && st.active)) {
            help.helpLaggard(s.signer());
            return StepResult.rejected(RejectReason.STALE_VIEW, "view change to " + vc.newView() + ", now in " + st.view);
        }
        Signed<ViewChange> prev = st.viewChanges.of(s.signer());
        if (prev != null && prev.body().newView() >= vc.newView()) {
            return prev.body().newView() == vc.newView() ? StepResult.rejected(RejectReason.DUPLICATE, "view change already received")
                    : StepResult.rejected(RejectReason.STALE_VIEW, "signer already asked for a higher view");
        }
        Validation bad = st.proofs.viewChange(s);
        if (bad instanceof Validation.Refused r) {
            return StepResult.rejected(RejectReason.INVALID_VIEW_CHANGE, r);
        }
        return StepResult.accepted();
    }
}
