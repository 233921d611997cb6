package io.mutualchain.ledger;

/**
 * {@link Ledger#commit} refused a block for what the block itself is, and wrote nothing: it is not
 * the next height, its certificate does not finalise it, or its body does not match its header. The
 * sender of such a block is to blame. Every other failure of a commit (a write that failed, a
 * {@link LocalFault}) is this node's own problem and never the sender's.
 */
public final class BlockRefusedException extends LedgerException {
    private static final long serialVersionUID = 1L;

    public BlockRefusedException(String message) {
        super(message);
    }
}
