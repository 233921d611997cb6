package io.mutualchain.ledger;

import java.util.Objects;

/**
 * Something went wrong on this node, not in the block: the store could not be read, or the state it
 * holds is missing, corrupt or no longer the state a quorum certified. No honest node would compute
 * the same outcome from it, so it is never turned into a receipt, a refusal or a vote. It propagates
 * out of the ledger unchanged, and the node stops its consensus (see the node's fault policy in
 * docs/operations.md); nothing of the block in progress has been written, so a restart resumes from
 * the last committed block.
 */
public final class LocalFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What failed. */
    public enum Kind {
        /** The database could not read a record (an I/O error, a checksum mismatch in a table file). */
        STORE_READ,
        /** A record the committed state must hold is absent (for example a deployed contract's code). */
        STATE_MISSING,
        /** A stored record is there but unusable (it no longer decodes or loads). */
        STATE_CORRUPT,
        /** A block certified by a quorum does not extend this node's committed chain or state. */
        STATE_DIVERGED
    }

    private final Kind kind;

    public LocalFault(Kind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public LocalFault(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
