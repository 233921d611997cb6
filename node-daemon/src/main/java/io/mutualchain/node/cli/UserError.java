package io.mutualchain.node.cli;

/** A problem the user can fix (bad flag value, missing file, node not reachable); printed as "error: message". */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
