package io.mutualchain.pbft;

import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.Signed;
import java.util.Optional;

/**
 * Admission of a PREPARE (§4.2): view and window ({@link NormalCaseAdmission}), from a backup (the
 * primary's pre-prepare stands for its vote), and the first from its signer at its height: a
 * second, different one is equivocation and is refused.
 */
final class PrepareValidator {
    private final EngineState st;
    private final NormalCaseAdmission admission;

    PrepareValidator(EngineState st, NormalCaseAdmission admission) {
        this.st = st;
        this.admission = admission;
    }

    StepResult validate(Signed<Prepare> s) {
        Prepare p = s.body();
        Optional<StepResult> refused = admission.refusal(s, p.view(), p.height());
        if (refused.isPresent()) {
            return refused.get();
        }
        if (s.signer().equals(st.validators.primaryOf(p.view()))) {
            return StepResult.rejected(RejectReason.NOT_PRIMARY, "the primary does not send PREPARE");
        }
        Signed<Prepare> prev = st.slot(p.height()).prepares.get(s.signer());
        if (prev != null) {
            return prev.body().equals(p) ? StepResult.rejected(RejectReason.DUPLICATE, "prepare already received")
                    : StepResult.rejected(RejectReason.CONFLICTING, "signer prepared another block at this height");
        }
        return StepResult.accepted();
    }
}
