package io.mutualchain.pbft;

import io.mutualchain.core.validation.Validation;
import io.mutualchain.pbft.message.NewView;
import io.mutualchain.pbft.message.Signed;

/**
 * Admission of a NEW-VIEW (§4.4): for a view above the current one (or the current one while this
 * replica is still changing to it), carrying q valid VIEW-CHANGEs and exactly the pre-prepares they
 * imply ({@link ProofChecker#newView}).
 */
final class NewViewValidator {
    private final EngineState st;

    NewViewValidator(EngineState st) {
        this.st = st;
    }

    StepResult validate(Signed<NewView> s) {
        NewView nv = s.body();
        if (nv.view() < st.view || (nv.view() == st.view && st.active)) {
            return StepResult.rejected(RejectReason.STALE_VIEW, "new view " + nv.view() + ", now in " + st.view + (st.active ? "" : " (changing)"));
        }
        Validation bad = st.proofs.newView(s);
        if (bad instanceof Validation.Refused r) {
            return StepResult.rejected(RejectReason.INVALID_VIEW_CHANGE, r);
        }
        return StepResult.accepted();
    }
}
