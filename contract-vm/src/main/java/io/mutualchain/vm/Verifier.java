package io.mutualchain.vm;

import io.mutualchain.vm.VmLoadException.Kind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Proves, before any code runs, that every function of a module is well-formed: known opcodes,
 * complete immediates, valid indices, jumps to instruction starts inside the same function, no
 * path that falls off the end, and — by abstract interpretation over basic blocks — that every
 * instruction finds the types it needs on the stack, that every join point is reached with one
 * stack shape, that the stack stays under {@link Limits#FUNCTION_STACK_MAX} and that RET leaves
 * exactly the declared results. Each block is visited once, so verification is linear in code size.
 */
final class Verifier {
    private final ModuleImage image;

    Verifier(ModuleImage image) {
        this.image = image;
    }

    List<VerifiedFunction> verifyAll() throws VmLoadException {
        List<VerifiedFunction> out = new ArrayList<>();
        for (int i = 0; i < image.functions().size(); i++) {
            out.add(verify(i));
        }
        return out;
    }

    private VerifiedFunction verify(int fi) throws VmLoadException {
        FunctionAbi f = image.functions().get(fi);
        int start = f.entry();
        int end = image.functionEnd(fi);
        byte[] code = image.codeRaw();
        List<Instruction> ins = new ArrayList<>();
        int[] indexAt = new int[end - start];
        Arrays.fill(indexAt, -1);
        for (int p = start; p < end; ) {
            Instruction in = Instruction.decode(code, p, end);
            indexAt[p - start] = ins.size();
            ins.add(in);
            p += in.length();
        }
        int n = ins.size();
        List<ValueType> localTypes = f.localTypes();
        int[] targetIndex = new int[n];
        boolean[] leader = new boolean[n];
        leader[0] = true;
        for (int i = 0; i < n; i++) {
            Instruction in = ins.get(i);
            targetIndex[i] = -1;
            checkImmediate(in, localTypes.size());
            if (in.op().imm() == Opcode.Imm.TARGET) {
                int t = (int) in.operand();
                if (t < start || t >= end || indexAt[t - start] < 0) {
                    throw new VmLoadException(Kind.BAD_JUMP_TARGET,
                            "target " + t + " is not an instruction of function '" + f.name() + "' [" + start + ", " + end + ")", in.offset());
                }
                targetIndex[i] = indexAt[t - start];
                leader[targetIndex[i]] = true;
            }
            if (in.op().endsBlock() && i + 1 < n) {
                leader[i + 1] = true;
            }
        }
        return new Flow(f, ins, leader, targetIndex, localTypes).run();
    }

    private void checkImmediate(Instruction in, int localCount) throws VmLoadException {
        long v = in.operand();
        switch (in.op().imm()) {
            case CONST -> {
                if (v >= image.constantCount()) {
                    throw new VmLoadException(Kind.BAD_INDEX, "constant " + v + " does not exist (" + image.constantCount() + " constants)", in.offset());
                }
            }
            case LOCAL -> {
                if (v >= localCount) {
                    throw new VmLoadException(Kind.BAD_INDEX, "local " + v + " does not exist (" + localCount + " locals)", in.offset());
                }
            }
            case FUNCTION -> {
                if (v >= image.functions().size()) {
                    throw new VmLoadException(Kind.BAD_INDEX, "function " + v + " does not exist", in.offset());
                }
            }
            case COUNT -> {
                if (v > Limits.EVENT_TOPICS_MAX) {
                    throw new VmLoadException(Kind.LIMIT_EXCEEDED, "an event has at most " + Limits.EVENT_TOPICS_MAX + " topics, not " + v, in.offset());
                }
            }
            default -> {
            }
        }
    }

    /** The abstract interpretation of one function over stack types. */
    private final class Flow {
        private final FunctionAbi f;
        private final List<Instruction> ins;
        private final boolean[] leader;
        private final int[] targetIndex;
        private final List<ValueType> localTypes;
        private final ValueType[][] entryState;
        private final boolean[] reachable;
        private final ValueType[] topType;
        private final Deque<Integer> work = new ArrayDeque<>();
        private final ValueType[] st = new ValueType[Limits.FUNCTION_STACK_MAX];
        private int h;
        private int maxStack;

        Flow(FunctionAbi f, List<Instruction> ins, boolean[] leader, int[] targetIndex, List<ValueType> localTypes) {
            this.f = f;
            this.ins = ins;
            this.leader = leader;
            this.targetIndex = targetIndex;
            this.localTypes = localTypes;
            this.entryState = new ValueType[ins.size()][];
            this.reachable = new boolean[ins.size()];
            this.topType = new ValueType[ins.size()];
        }

        VerifiedFunction run() throws VmLoadException {
            entryState[0] = new ValueType[0];
            work.push(0);
            while (!work.isEmpty()) {
                block(work.pop());
            }
            return new VerifiedFunction(ins, leader, reachable, topType, maxStack, targetIndex);
        }

        private void block(int first) throws VmLoadException {
            ValueType[] s = entryState[first];
            System.arraycopy(s, 0, st, 0, s.length);
            h = s.length;
            for (int i = first; ; i++) {
                Instruction in = ins.get(i);
                reachable[i] = true;
                topType[i] = h > 0 ? st[h - 1] : null;
                apply(in);
                Opcode op = in.op();
                if (op == Opcode.JUMP || op == Opcode.JUMPIF || op == Opcode.JUMPIFNOT) {
                    merge(targetIndex[i], in);
                }
                if (op.isTerminator()) {
                    return;
                }
                if (i + 1 >= ins.size()) {
                    throw new VmLoadException(Kind.FALLS_OFF_END,
                            "function '" + f.name() + "' can run past its last instruction (end it with ret, revert or jump)", in.offset());
                }
                if (leader[i + 1]) {
                    merge(i + 1, in);
                    return;
                }
            }
        }

        private void merge(int target, Instruction at) throws VmLoadException {
            ValueType[] known = entryState[target];
            if (known == null) {
                entryState[target] = Arrays.copyOf(st, h);
                work.push(target);
            } else if (!Arrays.equals(known, 0, known.length, st, 0, h)) {
                throw new VmLoadException(Kind.STACK_MISMATCH, "instruction at " + ins.get(target).offset()
                        + " is reached with stack " + Arrays.toString(known) + " and with " + Arrays.toString(Arrays.copyOf(st, h)), at.offset());
            }
        }

        private void apply(Instruction in) throws VmLoadException {
            Opcode op = in.op();
            if (op.pops() != null) {
                popAll(op.pops(), in);
                pushAll(op.pushes(), in);
                return;
            }
            switch (op) {
                case POP -> pop(null, in);
                case DUP -> {
                    ValueType t = pop(null, in);
                    push(t, in);
                    push(t, in);
                }
                case SWAP -> {
                    ValueType b = pop(null, in);
                    ValueType a = pop(null, in);
                    push(b, in);
                    push(a, in);
                }
                case GET -> push(localTypes.get((int) in.operand()), in);
                case SET -> pop(localTypes.get((int) in.operand()), in);
                case CALL -> {
                    FunctionAbi g = image.functions().get((int) in.operand());
                    popAll(g.paramTypes(), in);
                    pushAll(g.results(), in);
                }
                case RET -> {
                    if (h != f.results().size()) {
                        throw new VmLoadException(Kind.STACK_MISMATCH, "ret with " + h + " values on the stack; function '"
                                + f.name() + "' returns " + f.results().size(), in.offset());
                    }
                    popAll(f.results(), in);
                }
                case EMIT -> {
                    pop(ValueType.BYTES, in);
                    for (int k = 0; k < in.operand(); k++) {
                        pop(ValueType.BYTES, in);
                    }
                }
                case XCALL -> {
                    popAll(in.argTypes(), in);
                    popAll(List.of(ValueType.BYTES, ValueType.BYTES, ValueType.INT, ValueType.INT), in);
                    pushAll(in.resultTypes(), in);
                    push(ValueType.INT, in);
                }
                default -> throw new IllegalStateException("no stack rule for " + op);
            }
        }

        private void popAll(List<ValueType> types, Instruction in) throws VmLoadException {
            for (int k = types.size() - 1; k >= 0; k--) {
                pop(types.get(k), in);
            }
        }

        private void pushAll(List<ValueType> types, Instruction in) throws VmLoadException {
            for (ValueType t : types) {
                push(t, in);
            }
        }

        private ValueType pop(ValueType expected, Instruction in) throws VmLoadException {
            if (h == 0) {
                throw new VmLoadException(Kind.STACK_UNDERFLOW, in.op().mnemonic() + " needs more values than the stack holds", in.offset());
            }
            ValueType t = st[--h];
            if (expected != null && t != expected) {
                throw new VmLoadException(Kind.TYPE_MISMATCH, in.op().mnemonic() + " expects " + expected.keyword()
                        + " but finds " + t.keyword(), in.offset());
            }
            return t;
        }

        private void push(ValueType t, Instruction in) throws VmLoadException {
            if (h == Limits.FUNCTION_STACK_MAX) {
                throw new VmLoadException(Kind.STACK_OVERFLOW, "the stack would exceed " + Limits.FUNCTION_STACK_MAX + " values", in.offset());
            }
            st[h++] = t;
            maxStack = Math.max(maxStack, h);
        }
    }
}
