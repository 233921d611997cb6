package io.mutualchain.vm;

/**
 * A module was refused at load (deploy) time. The kind says which rule it broke; the offset is the
 * code offset of the offending instruction, or -1 when the problem is in the module's tables.
 */
public final class VmLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The bytes are not a canonical module encoding (bad magic, truncation, trailing bytes, bad varint). */
        MALFORMED,
        /** The format version is not one this VM knows. */
        UNSUPPORTED_VERSION,
        /** A size or count is over its bound in {@link Limits}. */
        LIMIT_EXCEEDED,
        /** The function table is inconsistent (entries out of order, names duplicated or invalid). */
        BAD_FUNCTION_TABLE,
        UNKNOWN_OPCODE,
        /** An instruction's immediates run past the end of its function. */
        TRUNCATED_INSTRUCTION,
        /** A jump lands outside its function or inside another instruction. */
        BAD_JUMP_TARGET,
        /** A local, constant, function or type index does not exist. */
        BAD_INDEX,
        STACK_UNDERFLOW,
        STACK_OVERFLOW,
        /** An instruction finds a value of the wrong type on the stack. */
        TYPE_MISMATCH,
        /** Two paths reach one instruction with different stacks, or RET finds other than the results. */
        STACK_MISMATCH,
        /** Execution could run past the last instruction of a function. */
        FALLS_OFF_END
    }

    private final Kind kind;
    private final int offset;

    public VmLoadException(Kind kind, String message, int offset) {
        super(kind + (offset >= 0 ? " at code offset " + offset : "") + ": " + message);
        this.kind = kind;
        this.offset = offset;
    }

    public Kind kind() {
        return kind;
    }

    /** Code offset of the offending instruction, or -1. */
    public int offset() {
        return offset;
    }
}
