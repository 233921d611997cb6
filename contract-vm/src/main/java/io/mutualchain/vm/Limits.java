package io.mutualchain.vm;

/**
 * Every bound the VM enforces, in one place, named, so that the contract author's guide, the
 * verifier and the interpreter cannot disagree. A module that exceeds a static bound is refused at
 * load time; a run that exceeds a dynamic bound ends in a typed trap.
 */
public final class Limits {
    private Limits() {
    }

    /** Code bytes per module. Jump targets are 16-bit offsets, so this cannot grow without a new format version. */
    public static final int CODE_BYTES_MAX = 65_535;
    /** Functions per module; CALL takes a 16-bit index but a contract needs far fewer. */
    public static final int FUNCTIONS_MAX = 1_024;
    /** Entries in the byte-string constant pool; PUSHB takes a 16-bit index. */
    public static final int CONSTANTS_MAX = 4_096;
    /** Length of any byte string a contract can hold, build, store or receive. */
    public static final int BYTES_LENGTH_MAX = 16_384;
    /** Length of a function name in UTF-8 bytes. */
    public static final int NAME_BYTES_MAX = 64;
    /** Parameters of one function (they are its first locals). */
    public static final int PARAMS_MAX = 16;
    /** Results of one function. */
    public static final int RESULTS_MAX = 8;
    /** Locals of one function, parameters included; GET and SET take an 8-bit index. */
    public static final int LOCALS_MAX = 255;
    /** Operand stack height inside one function, proven by the verifier. */
    public static final int FUNCTION_STACK_MAX = 1_024;
    /** Stack slots for one run, all frames' locals and operands together; checked on every CALL. */
    public static final int STACK_SLOTS_MAX = 32_768;
    /** Nested CALLs inside one module (the entry function is depth 1). An explicit counter, never the JVM stack. */
    public static final int CALL_DEPTH_MAX = 256;
    /** Bytes of new byte strings one run may create; an upper bound on the memory a run can hold. */
    public static final long MEMORY_BYTES_MAX = 16L * 1024 * 1024;
    /** Topics of one event. */
    public static final int EVENT_TOPICS_MAX = 4;
    /** Nested contract-to-contract calls, counting the outermost contract as depth 1 (see {@link CallGuard}). */
    public static final int CONTRACT_CALL_DEPTH_MAX = 8;
    /** Values in an ABI-encoded argument or result list. */
    public static final int ABI_VALUES_MAX = PARAMS_MAX;
}
