package io.mutualchain.vm;

import java.util.EnumMap;
import java.util.Map;

/**
 * The price list. Static costs are per instruction and are charged a whole basic block at a time
 * when the block is entered (the verifier adds them up once, at load); dynamic costs depend on
 * sizes known only at run time and are charged by the instruction itself, before it acts.
 *
 * <p>Version 1 is the only version. A change of any number is a consensus change: it gets a new
 * version, and the ledger picks the version by block height, so old blocks replay with old prices.
 */
public final class GasSchedule {
    /** Bytes per "word" in every per-size price. */
    public static final int WORD_BYTES = 32;

    public static final GasSchedule V1 = v1();

    private final int version;
    private final int[] staticCost = new int[256];
    private final long memoryPerWord;
    private final long beqPerWord;
    private final long sloadPerWord;
    private final long sstorePerWord;
    private final long sha256PerWord;
    private final long ed25519PerWord;
    private final long emitPerTopic;
    private final long emitPerWord;

    private GasSchedule(int version, Map<Opcode, Integer> costs, long memoryPerWord, long beqPerWord, long sloadPerWord,
            long sstorePerWord, long sha256PerWord, long ed25519PerWord, long emitPerTopic, long emitPerWord) {
        this.version = version;
        for (Opcode op : Opcode.values()) {
            Integer c = costs.get(op);
            if (c == null) {
                throw new IllegalArgumentException("gas schedule " + version + " has no price for " + op);
            }
            staticCost[op.code()] = c;
        }
        this.memoryPerWord = memoryPerWord;
        this.beqPerWord = beqPerWord;
        this.sloadPerWord = sloadPerWord;
        this.sstorePerWord = sstorePerWord;
        this.sha256PerWord = sha256PerWord;
        this.ed25519PerWord = ed25519PerWord;
        this.emitPerTopic = emitPerTopic;
        this.emitPerWord = emitPerWord;
    }

    private static GasSchedule v1() {
        Map<Opcode, Integer> c = new EnumMap<>(Opcode.class);
        for (Opcode op : new Opcode[] {Opcode.NOP, Opcode.PUSH, Opcode.PUSHB, Opcode.POP, Opcode.DUP, Opcode.SWAP,
                Opcode.GET, Opcode.SET, Opcode.ADD, Opcode.SUB, Opcode.NEG, Opcode.AND, Opcode.OR, Opcode.XOR,
                Opcode.SHL, Opcode.SHR, Opcode.EQ, Opcode.NE, Opcode.LT, Opcode.LE, Opcode.GT, Opcode.GE, Opcode.EQZ,
                Opcode.JUMP, Opcode.JUMPIF, Opcode.JUMPIFNOT, Opcode.REVERT, Opcode.BLEN, Opcode.BGET}) {
            c.put(op, 1);
        }
        c.put(Opcode.MUL, 2);
        c.put(Opcode.DIV, 4);
        c.put(Opcode.MOD, 4);
        c.put(Opcode.CALL, 10);
        c.put(Opcode.RET, 2);
        c.put(Opcode.BCAT, 3);
        c.put(Opcode.BSLICE, 3);
        c.put(Opcode.BEQ, 2);
        c.put(Opcode.ITOB, 2);
        c.put(Opcode.BTOI, 2);
        c.put(Opcode.SLOAD, 100);
        c.put(Opcode.SSTORE, 1_000);
        c.put(Opcode.CALLER, 2);
        c.put(Opcode.ORIGIN, 2);
        c.put(Opcode.SELF, 2);
        c.put(Opcode.BALANCE, 20);
        c.put(Opcode.VALUE, 2);
        c.put(Opcode.HEIGHT, 2);
        c.put(Opcode.TIME, 2);
        c.put(Opcode.TRANSFER, 500);
        c.put(Opcode.EMIT, 100);
        c.put(Opcode.SHA256, 30);
        c.put(Opcode.ED25519, 2_000);
        c.put(Opcode.LEVEL, 50);
        c.put(Opcode.CREDIT, 50);
        c.put(Opcode.XCALL, 700);
        return new GasSchedule(1, c, 1, 1, 3, 50, 6, 6, 50, 5);
    }

    public int version() {
        return version;
    }

    /** The static cost of an instruction, charged with its basic block (EMIT adds {@link #emitPerTopic} per topic to it). */
    public int staticCost(Opcode op) {
        return staticCost[op.code()];
    }

    /** Words of {@code length} bytes, rounded up; 0 bytes is 0 words. */
    public static long words(long length) {
        return (length + WORD_BYTES - 1) / WORD_BYTES;
    }

    /** Creating a byte string of this many bytes (any instruction that makes a new one). */
    public long memory(long length) {
        return memoryPerWord * words(length);
    }

    public long beq(long longerLength) {
        return beqPerWord * words(longerLength);
    }

    /** SLOAD, per word of the value read. */
    public long sload(long valueLength) {
        return sloadPerWord * words(valueLength);
    }

    /** SSTORE, per word of key plus value: storage is what every node keeps for ever. */
    public long sstore(long keyLength, long valueLength) {
        return sstorePerWord * (words(keyLength) + words(valueLength));
    }

    public long sha256(long inputLength) {
        return sha256PerWord * words(inputLength);
    }

    public long ed25519(long messageLength) {
        return ed25519PerWord * words(messageLength);
    }

    /** Part of EMIT's static cost, known from its immediate. */
    public long emitPerTopic() {
        return emitPerTopic;
    }

    /** EMIT, per word of data and topics together. */
    public long emit(long totalLength) {
        return emitPerWord * words(totalLength);
    }
}
