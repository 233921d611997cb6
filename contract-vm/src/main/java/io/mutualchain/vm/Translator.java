package io.mutualchain.vm;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles verified functions into a {@link Program}. Block costs are added up here, once, so the
 * interpreter charges gas with one subtraction per block instead of one per instruction: a jump
 * carries the cost of the block it enters, and where a block is entered by falling through, a GAS
 * instruction is placed in front of it. A function's first block is charged by the CALL (or the
 * entry) that enters it.
 */
final class Translator {
    private final ModuleImage image;
    private final List<VerifiedFunction> verified;
    private final GasSchedule gas;
    private final IntList out = new IntList();
    private final IntList src = new IntList();
    private final List<Long> ints = new ArrayList<>();
    private final List<Program.Signature> signatures = new ArrayList<>();

    Translator(ModuleImage image, List<VerifiedFunction> verified, GasSchedule gas) {
        this.image = image;
        this.verified = verified;
        this.gas = gas;
    }

    Program translate() {
        int nf = verified.size();
        Program.Fn[] fns = new Program.Fn[nf];
        int[][] pcOf = new int[nf][];
        int[][] costs = new int[nf][];
        int pc = 0;
        // Pass 1: positions, so that jumps (which only stay inside their function) can be resolved in pass 2.
        for (int fi = 0; fi < nf; fi++) {
            VerifiedFunction v = verified.get(fi);
            List<Instruction> ins = v.instructions();
            pcOf[fi] = new int[ins.size()];
            costs[fi] = blockCosts(v);
            for (int i = 0; i < ins.size(); i++) {
                if (needsGas(v, i)) {
                    pc += 2;
                }
                pcOf[fi][i] = pc;
                pc += width(ins.get(i).op());
            }
            FunctionAbi f = image.functions().get(fi);
            List<ValueType> lt = f.localTypes();
            boolean[] bytesLocal = new boolean[lt.size()];
            for (int k = 0; k < lt.size(); k++) {
                bytesLocal[k] = lt.get(k) == ValueType.BYTES;
            }
            fns[fi] = new Program.Fn(pcOf[fi][0], f.params().size(), lt.size(), bytesLocal, lt.size() + v.maxStack(),
                    costs[fi][0], f.results());
        }
        for (int fi = 0; fi < nf; fi++) {
            emitFunction(fi, verified.get(fi), pcOf[fi], costs[fi]);
        }
        long[] pool = new long[ints.size()];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = ints.get(i);
        }
        byte[][] constants = new byte[image.constantCount()][];
        for (int i = 0; i < constants.length; i++) {
            constants[i] = image.constant(i);
        }
        return new Program(out.toArray(), src.toArray(), pool, constants, fns, signatures.toArray(new Program.Signature[0]));
    }

    private static boolean needsGas(VerifiedFunction v, int i) {
        return i > 0 && v.leader()[i] && !v.instructions().get(i - 1).op().endsBlock();
    }

    private static int width(Opcode op) {
        return switch (op) {
            case JUMP -> 3;
            case JUMPIF, JUMPIFNOT -> 4;
            case PUSH, PUSHB, GET, SET, CALL, RET, EMIT, XCALL -> 2;
            default -> 1;
        };
    }

    /** Cost of the block starting at each leader (0 elsewhere). */
    private int[] blockCosts(VerifiedFunction v) {
        List<Instruction> ins = v.instructions();
        int[] cost = new int[ins.size()];
        for (int i = 0; i < ins.size(); i++) {
            if (!v.leader()[i]) {
                continue;
            }
            long sum = 0;
            for (int j = i; j < ins.size(); j++) {
                sum += staticCost(ins.get(j));
                if (ins.get(j).op().endsBlock() || j + 1 == ins.size() || v.leader()[j + 1]) {
                    break;
                }
            }
            cost[i] = (int) sum;
        }
        return cost;
    }

    private long staticCost(Instruction in) {
        long c = gas.staticCost(in.op());
        if (in.op() == Opcode.EMIT) {
            c += gas.emitPerTopic() * in.operand();
        }
        return c;
    }

    private void emitFunction(int fi, VerifiedFunction v, int[] pcOf, int[] cost) {
        List<Instruction> ins = v.instructions();
        FunctionAbi f = image.functions().get(fi);
        List<ValueType> lt = f.localTypes();
        for (int i = 0; i < ins.size(); i++) {
            Instruction in = ins.get(i);
            if (needsGas(v, i)) {
                put(Program.GAS, in.offset(), cost[i]);
            }
            int t = v.targetIndex()[i];
            switch (in.op()) {
                case PUSH -> {
                    ints.add(in.operand());
                    put(Opcode.PUSH.code(), in.offset(), ints.size() - 1);
                }
                case DUP -> put(v.topType()[i] == ValueType.BYTES ? Program.DUP_B : Opcode.DUP.code(), in.offset());
                case GET -> put(lt.get((int) in.operand()) == ValueType.BYTES ? Program.GET_B : Opcode.GET.code(), in.offset(), (int) in.operand());
                case SET -> put(lt.get((int) in.operand()) == ValueType.BYTES ? Program.SET_B : Opcode.SET.code(), in.offset(), (int) in.operand());
                case JUMP -> put(Opcode.JUMP.code(), in.offset(), pcOf[t], cost[t]);
                // An unreachable conditional jump may be the last instruction; it never runs, so its fall-through cost is moot.
                case JUMPIF, JUMPIFNOT -> put(in.op().code(), in.offset(), pcOf[t], cost[t], i + 1 < ins.size() ? cost[i + 1] : 0);
                case RET -> put(Opcode.RET.code(), in.offset(), f.results().size());
                case XCALL -> {
                    signatures.add(new Program.Signature(in.argTypes(), in.resultTypes()));
                    put(Opcode.XCALL.code(), in.offset(), signatures.size() - 1);
                }
                case PUSHB, CALL, EMIT -> put(in.op().code(), in.offset(), (int) in.operand());
                default -> put(in.op().code(), in.offset());
            }
        }
    }

    private void put(int op, int sourceOffset, int... operands) {
        out.add(op);
        src.add(sourceOffset);
        for (int x : operands) {
            out.add(x);
            src.add(sourceOffset);
        }
    }

    /** A growable int array; the boxing of List&lt;Integer&gt; would make compiling large modules slow. */
    private static final class IntList {
        private int[] a = new int[256];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
