package io.mutualchain.core.block;

import io.mutualchain.core.validation.ReasonCode;

/** Why a {@link CommitCertificate} does not finalise a block; in the order {@link CommitCertificate#verify} checks. */
public enum CertificateCode implements ReasonCode {
    /** The certificate names another block hash. */
    BLOCK_MISMATCH,
    /** The certificate names another height. */
    HEIGHT_MISMATCH,
    /** Fewer signatures than the quorum of the validator set in force. */
    BELOW_QUORUM,
    /** A signer is not in the validator set in force. */
    SIGNER_NOT_VALIDATOR,
    /** A signature does not verify over the commit vote (wrong chain, view, height or hash, or forged). */
    BAD_SIGNATURE;

    @Override
    public String area() {
        return "certificate";
    }
}
