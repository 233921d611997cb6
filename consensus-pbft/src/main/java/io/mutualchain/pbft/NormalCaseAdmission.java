package io.mutualchain.pbft;

import io.mutualchain.pbft.message.PbftMessage;
import io.mutualchain.pbft.message.Signed;
import java.util.Optional;

/**
 * The admission PRE-PREPARE and PREPARE share (§4.2): the current, active view and a height inside
 * the watermark window. A refusal acts on what it learns: a message from an older view gets the
 * current NEW-VIEW back, one from a newer view (or while changing view) is buffered for that view
 * and counts towards joining it, and one at or below the stable checkpoint gets its proof.
 */
final class NormalCaseAdmission {
    private final EngineState st;
    private final LaggardHelp help;
    private final ViewChanging viewChanging;

    NormalCaseAdmission(EngineState st, LaggardHelp help, ViewChanging viewChanging) {
        this.st = st;
        this.help = help;
        this.viewChanging = viewChanging;
    }

    /** Empty when the message may be handled now. */
    Optional<StepResult> refusal(Signed<? extends PbftMessage> s, long msgView, long height) {
        if (msgView < st.view) {
            help.helpLaggard(s.signer());
            return Optional.of(StepResult.rejected(RejectReason.STALE_VIEW, "message for view " + msgView + ", now in " + st.view));
        }
        if (msgView > st.view || !st.active) {
            viewChanging.noteHigherView(s.signer(), msgView);
            if (!st.future.add(s, st.receivedAtMs)) {
                viewChanging.checkJoin();
                return Optional.of(StepResult.rejected(RejectReason.BUFFER_FULL, "future-view buffer of the signer is full; oldest dropped"));
            }
            viewChanging.checkJoin();
            return Optional.of(StepResult.rejected(RejectReason.VIEW_CHANGE_IN_PROGRESS, "buffered until view " + msgView + " starts"));
        }
        if (height <= st.stable.height()) {
            help.sendStableProof(s.signer());
            return Optional.of(StepResult.rejected(RejectReason.BELOW_WINDOW, "height " + height + " is at or below the stable checkpoint"));
        }
        if (height > st.windowTop()) {
            return Optional.of(StepResult.rejected(RejectReason.ABOVE_WINDOW, "height " + height + " is above the window"));
        }
        return Optional.empty();
    }
}
