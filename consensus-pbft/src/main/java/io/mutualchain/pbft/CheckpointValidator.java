package io.mutualchain.pbft;

import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.Signed;

/**
 * Admission of a CHECKPOINT (§4.3): a checkpoint height, above the stable checkpoint, not seen
 * before. A checkpoint below the stable one shows its signer is behind, so it gets our proof.
 */
final class CheckpointValidator {
    private final EngineState st;
    private final LaggardHelp help;

    CheckpointValidator(EngineState st, LaggardHelp help) {
        this.st = st;
        this.help = help;
    }

    StepResult validate(Signed<Checkpoint> s) {
        Checkpoint c = s.body();
        if (c.height() % st.config.checkpointInterval() != 0) {
            return StepResult.rejected(RejectReason.INVALID_CERTIFICATE, "checkpoint height " + c.height() + " is not a multiple of K");
        }
        if (c.height() == st.stable.height()) {
            return StepResult.rejected(RejectReason.DUPLICATE, "checkpoint " + c.height() + " is already stable");
        }
        if (c.height() < st.stable.height()) {
            help.sendStableProof(s.signer());
            return StepResult.rejected(RejectReason.BELOW_WINDOW, "checkpoint " + c.height() + " is below the stable one");
        }
        if (st.checkpoints.has(s.signer(), c)) {
            return StepResult.rejected(RejectReason.DUPLICATE, "checkpoint already received");
        }
        return StepResult.accepted();
    }
}
