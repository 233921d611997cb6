package io.mutualchain.vm;

/**
 * Why a run stopped abnormally. Stack underflow and bad jump targets are not here: the verifier
 * proves them impossible before a module can run, so they are load-time refusals
 * ({@link VmLoadException.Kind}) instead.
 */
public enum TrapKind {
    /** Checked integer arithmetic left the signed 64-bit range (ADD, SUB, MUL, NEG, DIV of MIN by -1). */
    OVERFLOW,
    /** DIV or MOD by zero. */
    DIV_BY_ZERO,
    /** A CALL would need more stack slots than {@link Limits#STACK_SLOTS_MAX}. */
    STACK_OVERFLOW,
    /** A CALL would nest deeper than {@link Limits#CALL_DEPTH_MAX}, or a contract call deeper than {@link Limits#CONTRACT_CALL_DEPTH_MAX}. */
    CALL_DEPTH,
    /** An index, slice, shift amount or byte-string length outside its range. */
    OUT_OF_BOUNDS,
    /** A byte string would be longer than {@link Limits#BYTES_LENGTH_MAX}. */
    BYTES_TOO_LONG,
    /** The run would create more than {@link Limits#MEMORY_BYTES_MAX} bytes of byte strings. */
    MEMORY_LIMIT,
    /** Arguments do not match the called function's parameter types, or a contract call returned other types than declared. */
    TYPE_MISMATCH,
    /** A byte string used as an address is not {@link io.mutualchain.core.types.Address#SIZE} bytes. */
    BAD_ADDRESS,
    /** A negative amount of MTN or gas was given to TRANSFER or XCALL. */
    BAD_AMOUNT,
    /** The function does not exist, is not exported, or its name is not a valid function name. */
    NO_SUCH_FUNCTION,
    /** The called address holds no contract. */
    NO_SUCH_CONTRACT,
    /** A contract call would re-enter a contract that is already running (see {@link CallGuard}). */
    REENTRANCY,
    /**
     * The host refused deterministically ({@link HostTrap}, for example the event bound) or answered
     * outside its contract (for example more gas used than was given). Never a local fault of the
     * node (a failed read, missing state): those stop the node instead of becoming a receipt.
     */
    HOST_ERROR
}
