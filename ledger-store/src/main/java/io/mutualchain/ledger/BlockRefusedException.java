package io.mutualchain.ledger;

import io.mutualchain.core.validation.ReasonCode;

/**
 * {@link Ledger#commit} refused a block for what the block itself is, and wrote nothing: it is not
 * the next height, its certificate does not finalise it, or its body does not match its header. The
 * sender of such a block is to blame. Every other failure of a commit (a write that failed, a
 * {@link LocalFault}) is this node's own problem and never the sender's. {@link #code()} says which
 * check refused it ({@link HeaderLinkCode#NOT_NEXT_HEIGHT}, a
 * {@link io.mutualchain.core.block.CertificateCode} or a {@link io.mutualchain.core.block.BodyCode}).
 */
public final class BlockRefusedException extends LedgerException {
    private static final long serialVersionUID = 1L;

    /** Transient: a code is an interface type, and the exception is never serialised. */
    private final transient ReasonCode code;

    public BlockRefusedException(ReasonCode code, String message) {
        super(message);
        this.code = code;
    }

    public ReasonCode code() {
        return code;
    }
}
