package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.validation.Validation;

/**
 * Admission of a block fetched by state sync: not yet committed here, inside the window and this
 * epoch, with a commit certificate of this validator set for exactly this block
 * ({@link ProofChecker#commitCertificate}) and a body that matches its header, on this chain.
 */
final class SyncedBlockValidator {
    private final EngineState st;

    SyncedBlockValidator(EngineState st) {
        this.st = st;
    }

    StepResult validate(Block block, CommitCertificate certificate) {
        long h = block.height();
        if (h <= st.lastCommitted) {
            return StepResult.rejected(RejectReason.IRRELEVANT, "height " + h + " is already committed");
        }
        if (h > Math.max(st.stable.height(), st.lastCommitted) + st.config.watermarkWindow() || h > st.epochHorizon()) {
            return StepResult.rejected(RejectReason.ABOVE_WINDOW, "height " + h + (h > st.epochHorizon()
                    ? " may belong to the next epoch (this one is certain only up to " + st.epochHorizon() + ")" : " is too far ahead"));
        }
        Validation bad = st.proofs.commitCertificate(certificate, block);
        if (bad.isOk()) {
            bad = block.header().chainId().equals(st.config.chainId()) ? block.checkBody()
                    : Validation.refused(BlockRuleCode.WRONG_CHAIN, "wrong chain");
        }
        if (bad instanceof Validation.Refused r) {
            return StepResult.rejected(RejectReason.INVALID_CERTIFICATE, r);
        }
        return StepResult.accepted();
    }
}
