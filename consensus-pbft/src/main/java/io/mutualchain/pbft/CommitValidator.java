package io.mutualchain.pbft;

import io.mutualchain.pbft.message.Commit;
import io.mutualchain.pbft.message.Signed;

/**
 * Admission of a COMMIT (§4.2): a height inside the watermark window, whatever its view (COMMITs
 * count across views, see {@link CommitVotes}; duplicates are refused when counted). One at or below
 * the stable checkpoint shows its signer is behind, so it gets our proof.
 */
final class CommitValidator {
    private final EngineState st;
    private final LaggardHelp help;

    CommitValidator(EngineState st, LaggardHelp help) {
        this.st = st;
        this.help = help;
    }

    StepResult validate(Signed<Commit> s) {
        Commit c = s.body();
        if (c.height() <= st.stable.height()) {
            help.sendStableProof(s.signer());
            return StepResult.rejected(RejectReason.BELOW_WINDOW, "height " + c.height() + " is at or below the stable checkpoint");
        }
        if (c.height() > st.windowTop()) {
            return StepResult.rejected(RejectReason.ABOVE_WINDOW, "height " + c.height() + " is above the window");
        }
        return StepResult.accepted();
    }
}
