package io.mutualchain.vm;

import java.util.List;

/**
 * The instruction set of format version 1. Each opcode has a byte, a mnemonic, the shape of its
 * immediates and, for the instructions whose stack effect does not depend on their operands, the
 * types they pop and push ({@code "ii"} = two ints, {@code "b"} = one byte string; the last letter
 * is the top of the stack). Gas costs live in {@link GasSchedule}, not here, so the instruction set
 * and the price list can be versioned separately.
 */
public enum Opcode {
    NOP(0x00, "nop", Imm.NONE, "", ""),
    PUSH(0x01, "push", Imm.I64, "", "i"),
    PUSHB(0x02, "pushb", Imm.CONST, "", "b"),
    POP(0x03, "pop", Imm.NONE, null, null),
    DUP(0x04, "dup", Imm.NONE, null, null),
    SWAP(0x05, "swap", Imm.NONE, null, null),
    GET(0x06, "get", Imm.LOCAL, null, null),
    SET(0x07, "set", Imm.LOCAL, null, null),

    ADD(0x10, "add", Imm.NONE, "ii", "i"),
    SUB(0x11, "sub", Imm.NONE, "ii", "i"),
    MUL(0x12, "mul", Imm.NONE, "ii", "i"),
    DIV(0x13, "div", Imm.NONE, "ii", "i"),
    MOD(0x14, "mod", Imm.NONE, "ii", "i"),
    NEG(0x15, "neg", Imm.NONE, "i", "i"),
    AND(0x16, "and", Imm.NONE, "ii", "i"),
    OR(0x17, "or", Imm.NONE, "ii", "i"),
    XOR(0x18, "xor", Imm.NONE, "ii", "i"),
    SHL(0x19, "shl", Imm.NONE, "ii", "i"),
    SHR(0x1A, "shr", Imm.NONE, "ii", "i"),
    EQ(0x20, "eq", Imm.NONE, "ii", "i"),
    NE(0x21, "ne", Imm.NONE, "ii", "i"),
    LT(0x22, "lt", Imm.NONE, "ii", "i"),
    LE(0x23, "le", Imm.NONE, "ii", "i"),
    GT(0x24, "gt", Imm.NONE, "ii", "i"),
    GE(0x25, "ge", Imm.NONE, "ii", "i"),
    EQZ(0x26, "eqz", Imm.NONE, "i", "i"),

    JUMP(0x30, "jump", Imm.TARGET, "", ""),
    JUMPIF(0x31, "jumpif", Imm.TARGET, "i", ""),
    JUMPIFNOT(0x32, "jumpifnot", Imm.TARGET, "i", ""),
    CALL(0x33, "call", Imm.FUNCTION, null, null),
    RET(0x34, "ret", Imm.NONE, null, null),
    REVERT(0x35, "revert", Imm.NONE, "b", ""),

    BLEN(0x40, "blen", Imm.NONE, "b", "i"),
    BCAT(0x41, "bcat", Imm.NONE, "bb", "b"),
    BSLICE(0x42, "bslice", Imm.NONE, "bii", "b"),
    BGET(0x43, "bget", Imm.NONE, "bi", "i"),
    BEQ(0x44, "beq", Imm.NONE, "bb", "i"),
    ITOB(0x45, "itob", Imm.NONE, "i", "b"),
    BTOI(0x46, "btoi", Imm.NONE, "b", "i"),

    SLOAD(0x50, "sload", Imm.NONE, "b", "b"),
    SSTORE(0x51, "sstore", Imm.NONE, "bb", ""),
    CALLER(0x52, "caller", Imm.NONE, "", "b"),
    ORIGIN(0x53, "origin", Imm.NONE, "", "b"),
    SELF(0x54, "self", Imm.NONE, "", "b"),
    BALANCE(0x55, "balance", Imm.NONE, "", "i"),
    VALUE(0x56, "value", Imm.NONE, "", "i"),
    HEIGHT(0x57, "height", Imm.NONE, "", "i"),
    TIME(0x58, "time", Imm.NONE, "", "i"),
    TRANSFER(0x59, "transfer", Imm.NONE, "bi", "i"),
    EMIT(0x5A, "emit", Imm.COUNT, null, null),
    SHA256(0x5B, "sha256", Imm.NONE, "b", "b"),
    ED25519(0x5C, "ed25519", Imm.NONE, "bbb", "i"),
    LEVEL(0x5D, "level", Imm.NONE, "b", "i"),
    CREDIT(0x5E, "credit", Imm.NONE, "b", "i"),
    XCALL(0x5F, "xcall", Imm.SIGNATURE, null, null);

    /** The shape of an instruction's immediates; all multi-byte immediates are big-endian. */
    public enum Imm {
        NONE(0),
        /** A signed 64-bit integer, 8 bytes. */
        I64(8),
        /** A constant-pool index, 2 bytes. */
        CONST(2),
        /** A local index, 1 byte. */
        LOCAL(1),
        /** An absolute code offset, 2 bytes. */
        TARGET(2),
        /** A function-table index, 2 bytes. */
        FUNCTION(2),
        /** A small count, 1 byte (EMIT's number of topics). */
        COUNT(1),
        /** XCALL's signature: a count byte and that many type bytes for the arguments, then the same for the results. */
        SIGNATURE(-1);

        private final int fixedLength;

        Imm(int fixedLength) {
            this.fixedLength = fixedLength;
        }

        /** Length in bytes, or -1 when it depends on the immediate itself. */
        public int fixedLength() {
            return fixedLength;
        }
    }

    private static final Opcode[] BY_CODE = new Opcode[256];

    static {
        for (Opcode op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    private final int code;
    private final String mnemonic;
    private final Imm imm;
    private final List<ValueType> pops;
    private final List<ValueType> pushes;

    Opcode(int code, String mnemonic, Imm imm, String pops, String pushes) {
        this.code = code;
        this.mnemonic = mnemonic;
        this.imm = imm;
        this.pops = pops == null ? null : types(pops);
        this.pushes = pushes == null ? null : types(pushes);
    }

    private static List<ValueType> types(String letters) {
        return letters.chars().mapToObj(c -> c == 'i' ? ValueType.INT : ValueType.BYTES).toList();
    }

    public int code() {
        return code;
    }

    public String mnemonic() {
        return mnemonic;
    }

    public Imm imm() {
        return imm;
    }

    /** Types popped, bottom first; null when the effect depends on the operand or the stack. */
    public List<ValueType> pops() {
        return pops;
    }

    /** Types pushed, bottom first; null when the effect depends on the operand or the stack. */
    public List<ValueType> pushes() {
        return pushes;
    }

    /** True when execution never continues with the next instruction. */
    public boolean isTerminator() {
        return this == JUMP || this == RET || this == REVERT;
    }

    /** True when the instruction ends a basic block (a terminator or a conditional jump). */
    public boolean endsBlock() {
        return isTerminator() || this == JUMPIF || this == JUMPIFNOT;
    }

    /** The opcode with this byte, or null. */
    public static Opcode ofCode(int code) {
        return code < 0 || code > 255 ? null : BY_CODE[code];
    }

    /** The opcode with this mnemonic (lower case), or null. */
    public static Opcode ofMnemonic(String mnemonic) {
        for (Opcode op : values()) {
            if (op.mnemonic.equals(mnemonic)) {
                return op;
            }
        }
        return null;
    }
}
