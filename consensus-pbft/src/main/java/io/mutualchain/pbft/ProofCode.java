package io.mutualchain.pbft;

import io.mutualchain.core.validation.ReasonCode;

/**
 * Why a proof nested in a message does not prove what it claims ({@link ProofChecker}, paper §4.3,
 * §4.4). A VIEW-CHANGE or NEW-VIEW that carries an invalid block, or a NEW-VIEW that carries an invalid
 * VIEW-CHANGE, keeps the innermost code ({@link BlockRuleCode}, this enum...) with the context in the
 * detail. Commit certificates are refused with {@link io.mutualchain.core.block.CertificateCode}.
 */
public enum ProofCode implements ReasonCode {
    /** A checkpoint proof below this epoch's base. */
    CHECKPOINT_BEFORE_EPOCH,
    /** A signed checkpoint proof at the epoch base, where only the empty base proof is valid. */
    CHECKPOINT_AT_BASE_NOT_EMPTY,
    /** A checkpoint proof above the epoch horizon: it may be the next epoch's. */
    CHECKPOINT_BEYOND_HORIZON,
    /** A checkpoint height that is not a multiple of the checkpoint interval K. */
    CHECKPOINT_OFF_INTERVAL,
    /** Signatures over different checkpoints in one proof. */
    CHECKPOINT_MIXED,
    /** One signer twice in a checkpoint proof. */
    CHECKPOINT_SIGNER_TWICE,
    /** A checkpoint signature that does not verify (or a signer that is not a validator). */
    CHECKPOINT_BAD_SIGNATURE,
    /** Fewer checkpoint signatures than the quorum. */
    CHECKPOINT_BELOW_QUORUM,
    /** A prepared certificate from a view not below the view change's new view. */
    PREPARED_VIEW_NOT_BELOW,
    /** A prepared certificate for a height outside the watermark window above the stable checkpoint. */
    PREPARED_OUTSIDE_WINDOW,
    /** A prepared certificate whose pre-prepare is not signed by the primary of its view. */
    PREPARED_NOT_BY_PRIMARY,
    /** A prepare in a prepared certificate that does not match, repeats a signer, is the primary's, or does not verify. */
    PREPARED_BAD_PREPARE,
    /** Fewer prepares than the quorum minus the primary. */
    PREPARED_BELOW_QUORUM,
    /** A prepared certificate above the epoch horizon: it may be the next epoch's. */
    PREPARED_BEYOND_HORIZON,
    /** A VIEW-CHANGE whose signature does not verify. */
    VIEW_CHANGE_BAD_SIGNATURE,
    /** A VIEW-CHANGE whose prepared certificates are not in increasing height order above its checkpoint. */
    VIEW_CHANGE_UNORDERED,
    /** A VIEW-CHANGE carrying a block that none of its prepared certificates names (or two for one height). */
    VIEW_CHANGE_STRAY_BODY,
    /** A NEW-VIEW not signed by the primary of its view. */
    NEW_VIEW_NOT_BY_PRIMARY,
    /** A NEW-VIEW carrying a VIEW-CHANGE for another view. */
    NEW_VIEW_OTHER_VIEW,
    /** A NEW-VIEW carrying two VIEW-CHANGEs from one replica. */
    NEW_VIEW_SENDER_TWICE,
    /** A NEW-VIEW carrying fewer VIEW-CHANGEs than the quorum. */
    NEW_VIEW_BELOW_QUORUM,
    /** A NEW-VIEW re-proposing a different number of blocks than its VIEW-CHANGEs require. */
    NEW_VIEW_WRONG_COUNT,
    /** A NEW-VIEW pre-prepare that does not match the re-proposal the VIEW-CHANGEs require. */
    NEW_VIEW_PRE_PREPARE_MISMATCH;

    @Override
    public String area() {
        return "proof";
    }
}
