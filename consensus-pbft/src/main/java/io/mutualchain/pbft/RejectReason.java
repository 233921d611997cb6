package io.mutualchain.pbft;

/** Why the engine refused an input; stable names that tests and metrics can rely on. */
public enum RejectReason {
    /** Not a canonical encoding of any PBFT message, or larger than the message size bound. */
    MALFORMED,
    /** The signer is not a validator of this chain. */
    UNKNOWN_SIGNER,
    /** The message or a signature nested in it does not verify. */
    BAD_SIGNATURE,
    /** A normal-case message signed by someone who is not the primary of its view. */
    NOT_PRIMARY,
    /** From a view this replica has left. */
    STALE_VIEW,
    /** A normal-case message while this replica is changing view. */
    VIEW_CHANGE_IN_PROGRESS,
    /** At or below the low watermark (stable checkpoint). */
    BELOW_WINDOW,
    /** Above the high watermark (stable checkpoint + L). */
    ABOVE_WINDOW,
    /** Already seen. */
    DUPLICATE,
    /** Contradicts a message the same signer sent before (equivocation). */
    CONFLICTING,
    /** The proposed block fails the engine's or the application's rules. */
    INVALID_BLOCK,
    /**
     * A new proposal whose timestamp is outside this validator's clock window (the block-time rule,
     * {@link BlockTimeRule}); the validator does not vote for it and asks for a view change.
     */
    UNTIMELY,
    /** A checkpoint, prepared or commit certificate that does not prove what it claims. */
    INVALID_CERTIFICATE,
    /** A VIEW-CHANGE or NEW-VIEW that does not follow the rules of §4.4. */
    INVALID_VIEW_CHANGE,
    /** A bounded buffer is full; the sender's retransmission will bring the message back. */
    BUFFER_FULL,
    /** Not meaningful in the current state (e.g. a synced block this replica already has). */
    IRRELEVANT
}
