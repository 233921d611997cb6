package io.mutualchain.vm;

import java.util.Objects;

/**
 * A host's deterministic refusal: thrown by a {@link Host} method to end the run in a trap of
 * {@code kind}, which then becomes the transaction's receipt. Only a refusal that every honest node
 * makes in the same way, from the same ledger state and block, may be thrown this way (for example
 * the per-transaction event bound). Anything else a host throws (a failed disk read, state that is
 * missing or corrupt, a bug, an {@link Error}) is not a contract outcome: the VM lets it pass and the
 * node stops instead of committing a result that only it would compute.
 */
public final class HostTrap extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final TrapKind kind;

    public HostTrap(TrapKind kind, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public TrapKind kind() {
        return kind;
    }
}
