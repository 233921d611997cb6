package io.mutualchain.vm;

/**
 * Unwinds the interpreter loop when a run must stop early. Internal only: the interpreter turns it
 * into an {@link ExecutionResult} before returning. It carries no stack trace because it is control
 * flow, not a bug report, and building one would make traps expensive.
 */
final class Halt extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Null means out of gas. */
    final TrapKind kind;

    Halt(TrapKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    static Halt trap(TrapKind kind, String message) {
        return new Halt(kind, message);
    }

    static Halt outOfGas() {
        return new Halt(null, "out of gas");
    }
}
