package io.mutualchain.vm;

import java.util.List;

/**
 * A verified module compiled for the interpreter: one int array of internal instructions for all
 * functions, with jump targets resolved to array positions, static types resolved into the opcode
 * (GET of an int local and GET of a byte-string local are different internal instructions) and the
 * gas of each basic block attached to the instruction that enters it. Immutable after construction.
 *
 * <p>Layout of one internal instruction: the internal opcode, then its operands.
 * PUSH: pool index; PUSHB: constant index; GET/SET: local index; JUMP: target, block cost;
 * JUMPIF/JUMPIFNOT: target, taken-block cost, fall-through-block cost; CALL: function index;
 * RET: result count; EMIT: topic count; XCALL: signature index; GAS: block cost.
 */
final class Program {
    // Internal opcodes that have no bytecode of their own: the typed variants and the gas charge.
    static final int DUP_B = 0x08;
    static final int GET_B = 0x09;
    static final int SET_B = 0x0A;
    static final int GAS = 0x0B;

    /** What CALL and the entry need about a function. */
    record Fn(int entryPc, int params, int locals, boolean[] bytesLocal, int frameSlots, int entryCost,
            List<ValueType> results) {
    }

    /** An XCALL site's declared argument and result types. */
    record Signature(List<ValueType> args, List<ValueType> results) {
    }

    final int[] code;
    final int[] sourcePc;
    final long[] ints;
    final byte[][] constants;
    final Fn[] functions;
    final Signature[] signatures;

    Program(int[] code, int[] sourcePc, long[] ints, byte[][] constants, Fn[] functions, Signature[] signatures) {
        this.code = code;
        this.sourcePc = sourcePc;
        this.ints = ints;
        this.constants = constants;
        this.functions = functions;
        this.signatures = signatures;
    }
}
