package io.mutualchain.vm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One run of a program: the interpreter loop and the state it works on. Values live unboxed in two
 * parallel arrays, {@code vals} for integers and {@code refs} for byte strings; the verifier proved
 * the type of every slot, so the loop never checks a tag. Locals sit in the same arrays below each
 * frame's operands (the caller's arguments become the callee's first locals in place), and the
 * call stack is three int arrays with an explicit depth counter: a deep call chain is a
 * {@link TrapKind#CALL_DEPTH} trap, never a JVM stack overflow.
 *
 * <p>The common instructions run inline; those that allocate or reach the host go to
 * {@link SlowOps}, with {@code sp} and {@code gas} handed over through fields.
 */
final class Machine {
    static final byte[] EMPTY = new byte[0];
    private static final int INITIAL_SLOTS = 256;

    final Program program;
    final Host host;
    final GasSchedule schedule;
    final long gasLimit;
    long[] vals = new long[INITIAL_SLOTS];
    byte[][] refs = new byte[INITIAL_SLOTS][];
    int sp;
    long gas;
    long memoryUsed;

    private final int[] retPc = new int[Limits.CALL_DEPTH_MAX];
    private final int[] retBp = new int[Limits.CALL_DEPTH_MAX];

    Machine(Program program, Host host, GasSchedule schedule, long gasLimit) {
        this.program = program;
        this.host = host;
        this.schedule = schedule;
        this.gasLimit = gasLimit;
        this.gas = gasLimit;
    }

    /** Runs function {@code fi}; the arguments are already type-checked by the caller. */
    ExecutionResult run(int fi, List<Value> args) {
        Program.Fn f = program.functions[fi];
        int pc = -1;
        long gas = this.gas;
        try {
            grow(f.frameSlots());
            for (int k = 0; k < args.size(); k++) {
                Value a = args.get(k);
                if (a instanceof Value.Int i) {
                    vals[k] = i.value();
                } else {
                    refs[k] = ((Value.Bytes) a).raw();
                }
            }
            initLocals(f, 0);
            gas -= f.entryCost();
            if (gas < 0) {
                throw Halt.outOfGas();
            }
            pc = f.entryPc();
            sp = f.locals();
            // The loop: everything it touches is a local so the JIT can keep it in registers.
            final int[] code = program.code;
            final long[] ints = program.ints;
            long[] vals = this.vals;
            byte[][] refs = this.refs;
            int sp = this.sp;
            int bp = 0;
            int depth = 1;
            while (true) {
                switch (code[pc]) {
                    case 0x00 -> pc++;
                    case 0x01 -> { vals[sp++] = ints[code[pc + 1]]; pc += 2; }
                    case 0x02 -> { refs[sp++] = program.constants[code[pc + 1]]; pc += 2; }
                    case 0x03 -> { sp--; pc++; }
                    case 0x04 -> { vals[sp] = vals[sp - 1]; sp++; pc++; }
                    case Program.DUP_B -> { refs[sp] = refs[sp - 1]; sp++; pc++; }
                    case 0x05 -> {
                        long v = vals[sp - 1]; vals[sp - 1] = vals[sp - 2]; vals[sp - 2] = v;
                        byte[] r = refs[sp - 1]; refs[sp - 1] = refs[sp - 2]; refs[sp - 2] = r;
                        pc++;
                    }
                    case 0x06 -> { vals[sp++] = vals[bp + code[pc + 1]]; pc += 2; }
                    case Program.GET_B -> { refs[sp++] = refs[bp + code[pc + 1]]; pc += 2; }
                    case 0x07 -> { vals[bp + code[pc + 1]] = vals[--sp]; pc += 2; }
                    case Program.SET_B -> { refs[bp + code[pc + 1]] = refs[--sp]; pc += 2; }
                    case Program.GAS -> {
                        gas -= code[pc + 1];
                        if (gas < 0) {
                            throw Halt.outOfGas();
                        }
                        pc += 2;
                    }
                    case 0x10 -> { sp--; vals[sp - 1] = IntOps.add(vals[sp - 1], vals[sp]); pc++; }
                    case 0x11 -> { sp--; vals[sp - 1] = IntOps.sub(vals[sp - 1], vals[sp]); pc++; }
                    case 0x12 -> { sp--; vals[sp - 1] = IntOps.mul(vals[sp - 1], vals[sp]); pc++; }
                    case 0x13 -> { sp--; vals[sp - 1] = IntOps.div(vals[sp - 1], vals[sp]); pc++; }
                    case 0x14 -> { sp--; vals[sp - 1] = IntOps.mod(vals[sp - 1], vals[sp]); pc++; }
                    case 0x15 -> { vals[sp - 1] = IntOps.neg(vals[sp - 1]); pc++; }
                    case 0x16 -> { sp--; vals[sp - 1] &= vals[sp]; pc++; }
                    case 0x17 -> { sp--; vals[sp - 1] |= vals[sp]; pc++; }
                    case 0x18 -> { sp--; vals[sp - 1] ^= vals[sp]; pc++; }
                    case 0x19 -> { sp--; vals[sp - 1] = IntOps.shl(vals[sp - 1], vals[sp]); pc++; }
                    case 0x1A -> { sp--; vals[sp - 1] = IntOps.shr(vals[sp - 1], vals[sp]); pc++; }
                    case 0x20 -> { sp--; vals[sp - 1] = vals[sp - 1] == vals[sp] ? 1 : 0; pc++; }
                    case 0x21 -> { sp--; vals[sp - 1] = vals[sp - 1] != vals[sp] ? 1 : 0; pc++; }
                    case 0x22 -> { sp--; vals[sp - 1] = vals[sp - 1] < vals[sp] ? 1 : 0; pc++; }
                    case 0x23 -> { sp--; vals[sp - 1] = vals[sp - 1] <= vals[sp] ? 1 : 0; pc++; }
                    case 0x24 -> { sp--; vals[sp - 1] = vals[sp - 1] > vals[sp] ? 1 : 0; pc++; }
                    case 0x25 -> { sp--; vals[sp - 1] = vals[sp - 1] >= vals[sp] ? 1 : 0; pc++; }
                    case 0x26 -> { vals[sp - 1] = vals[sp - 1] == 0 ? 1 : 0; pc++; }
                    case 0x30 -> {
                        gas -= code[pc + 2];
                        if (gas < 0) {
                            throw Halt.outOfGas();
                        }
                        pc = code[pc + 1];
                    }
                    case 0x31, 0x32 -> {
                        boolean taken = (vals[--sp] != 0) == (code[pc] == 0x31);
                        gas -= taken ? code[pc + 2] : code[pc + 3];
                        if (gas < 0) {
                            throw Halt.outOfGas();
                        }
                        pc = taken ? code[pc + 1] : pc + 4;
                    }
                    case 0x33 -> {
                        Program.Fn g = program.functions[code[pc + 1]];
                        if (depth == Limits.CALL_DEPTH_MAX) {
                            throw Halt.trap(TrapKind.CALL_DEPTH, "call depth limit " + Limits.CALL_DEPTH_MAX + " reached");
                        }
                        int nbp = sp - g.params();
                        if (nbp + g.frameSlots() > vals.length) {
                            grow(nbp + g.frameSlots());
                            vals = this.vals;
                            refs = this.refs;
                        }
                        initLocals(g, nbp);
                        gas -= g.entryCost();
                        if (gas < 0) {
                            throw Halt.outOfGas();
                        }
                        retPc[depth] = pc + 2;
                        retBp[depth] = bp;
                        depth++;
                        bp = nbp;
                        sp = nbp + g.locals();
                        pc = g.entryPc();
                    }
                    case 0x34 -> {
                        int n = code[pc + 1];
                        System.arraycopy(vals, sp - n, vals, bp, n);
                        System.arraycopy(refs, sp - n, refs, bp, n);
                        sp = bp + n;
                        depth--;
                        if (depth == 0) {
                            this.gas = gas;
                            return new ExecutionResult.Success(results(f.results(), n), gasLimit - gas);
                        }
                        pc = retPc[depth];
                        bp = retBp[depth];
                    }
                    case 0x35 -> {
                        this.gas = gas;
                        return new ExecutionResult.Revert(refs[sp - 1], gasLimit - gas);
                    }
                    case 0x40 -> { vals[sp - 1] = refs[sp - 1].length; pc++; }
                    case 0x43 -> { sp--; vals[sp - 1] = BytesOps.get(refs[sp - 1], vals[sp]); pc++; }
                    case 0x46 -> { vals[sp - 1] = BytesOps.toInt(refs[sp - 1]); pc++; }
                    default -> {
                        this.sp = sp;
                        this.gas = gas;
                        pc = SlowOps.step(this, code[pc], pc);
                        sp = this.sp;
                        gas = this.gas;
                    }
                }
            }
        } catch (Halt h) {
            // The loop's local gas is stale if a slow instruction charged and then halted; gas only
            // ever goes down, so the smaller of the two is the true remainder.
            long remaining = Math.min(gas, this.gas);
            if (h.kind == null) {
                return new ExecutionResult.OutOfGas(gasLimit);
            }
            int at = pc < 0 ? -1 : program.sourcePc[pc];
            return new ExecutionResult.Trap(h.kind, h.getMessage(), at, gasLimit - Math.max(0, remaining));
        }
    }

    private void initLocals(Program.Fn f, int bp) {
        boolean[] bytesLocal = f.bytesLocal();
        for (int k = f.params(); k < f.locals(); k++) {
            vals[bp + k] = 0;
            refs[bp + k] = bytesLocal[k] ? EMPTY : null;
        }
    }

    private void grow(int slots) {
        if (slots > Limits.STACK_SLOTS_MAX) {
            throw Halt.trap(TrapKind.STACK_OVERFLOW, "the run would need " + slots + " stack slots, at most " + Limits.STACK_SLOTS_MAX);
        }
        if (slots > vals.length) {
            int size = Math.min(Limits.STACK_SLOTS_MAX, Math.max(slots, vals.length * 2));
            vals = Arrays.copyOf(vals, size);
            refs = Arrays.copyOf(refs, size);
        }
    }

    private List<Value> results(List<ValueType> types, int n) {
        List<Value> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(types.get(k) == ValueType.INT ? Value.of(vals[k]) : Value.of(refs[k]));
        }
        return out;
    }

    /** Charges a dynamic cost; the caller has stored its gas in {@link #gas}. */
    void charge(long cost) {
        gas -= cost;
        if (gas < 0) {
            throw Halt.outOfGas();
        }
    }

    /** Accounts for a new byte string of {@code length} bytes: gas first, then the memory bound. */
    void allocate(long length) {
        charge(schedule.memory(length));
        memoryUsed += length;
        if (memoryUsed > Limits.MEMORY_BYTES_MAX) {
            throw Halt.trap(TrapKind.MEMORY_LIMIT, "the run would create more than " + Limits.MEMORY_BYTES_MAX + " bytes");
        }
    }
}
