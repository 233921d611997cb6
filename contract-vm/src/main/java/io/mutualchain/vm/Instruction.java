package io.mutualchain.vm;

import java.util.ArrayList;
import java.util.List;

/**
 * One decoded instruction. {@code operand} holds the immediate of every shape except XCALL's
 * signature, which is in {@code argTypes} and {@code resultTypes}.
 */
public record Instruction(int offset, int length, Opcode op, long operand, List<ValueType> argTypes,
        List<ValueType> resultTypes) {

    /** XCALL carries at most this many argument types and {@link Limits#RESULTS_MAX} result types. */
    public static final int XCALL_ARGS_MAX = Limits.PARAMS_MAX;

    /** Decodes the instruction at {@code offset}; its bytes must end at or before {@code end}. */
    public static Instruction decode(byte[] code, int offset, int end) throws VmLoadException {
        int opByte = code[offset] & 0xff;
        Opcode op = Opcode.ofCode(opByte);
        if (op == null) {
            throw new VmLoadException(VmLoadException.Kind.UNKNOWN_OPCODE, String.format("unknown opcode 0x%02x", opByte), offset);
        }
        int p = offset + 1;
        switch (op.imm()) {
            case NONE:
                return new Instruction(offset, 1, op, 0, List.of(), List.of());
            case I64: {
                need(op, offset, p, 8, end);
                long v = 0;
                for (int i = 0; i < 8; i++) {
                    v = (v << 8) | (code[p + i] & 0xff);
                }
                return new Instruction(offset, 9, op, v, List.of(), List.of());
            }
            case CONST:
            case TARGET:
            case FUNCTION: {
                need(op, offset, p, 2, end);
                int v = ((code[p] & 0xff) << 8) | (code[p + 1] & 0xff);
                return new Instruction(offset, 3, op, v, List.of(), List.of());
            }
            case LOCAL:
            case COUNT: {
                need(op, offset, p, 1, end);
                return new Instruction(offset, 2, op, code[p] & 0xff, List.of(), List.of());
            }
            case SIGNATURE: {
                List<ValueType> args = new ArrayList<>();
                p = readTypes(code, offset, p, end, XCALL_ARGS_MAX, args, op);
                List<ValueType> results = new ArrayList<>();
                p = readTypes(code, offset, p, end, Limits.RESULTS_MAX, results, op);
                return new Instruction(offset, p - offset, op, 0, List.copyOf(args), List.copyOf(results));
            }
            default:
                throw new IllegalStateException("unhandled immediate shape " + op.imm());
        }
    }

    private static int readTypes(byte[] code, int offset, int p, int end, int max, List<ValueType> out, Opcode op)
            throws VmLoadException {
        need(op, offset, p, 1, end);
        int n = code[p++] & 0xff;
        if (n > max) {
            throw new VmLoadException(VmLoadException.Kind.LIMIT_EXCEEDED, op.mnemonic() + " lists " + n + " types, at most " + max, offset);
        }
        need(op, offset, p, n, end);
        for (int i = 0; i < n; i++) {
            ValueType t = ValueType.ofCode(code[p + i] & 0xff);
            if (t == null) {
                throw new VmLoadException(VmLoadException.Kind.BAD_INDEX, op.mnemonic() + " names unknown type code " + (code[p + i] & 0xff), offset);
            }
            out.add(t);
        }
        return p + n;
    }

    private static void need(Opcode op, int offset, int p, int n, int end) throws VmLoadException {
        if (p + n > end) {
            throw new VmLoadException(VmLoadException.Kind.TRUNCATED_INSTRUCTION,
                    op.mnemonic() + " needs " + n + " immediate bytes past the end of its function", offset);
        }
    }

    /** Appends this instruction's encoding. */
    public static void encode(java.io.ByteArrayOutputStream out, Opcode op, long operand, List<ValueType> argTypes,
            List<ValueType> resultTypes) {
        out.write(op.code());
        switch (op.imm()) {
            case NONE -> {
            }
            case I64 -> {
                for (int i = 7; i >= 0; i--) {
                    out.write((int) (operand >>> (8 * i)) & 0xff);
                }
            }
            case CONST, TARGET, FUNCTION -> {
                out.write((int) (operand >>> 8) & 0xff);
                out.write((int) operand & 0xff);
            }
            case LOCAL, COUNT -> out.write((int) operand & 0xff);
            case SIGNATURE -> {
                out.write(argTypes.size());
                argTypes.forEach(t -> out.write(t.code()));
                out.write(resultTypes.size());
                resultTypes.forEach(t -> out.write(t.code()));
            }
            default -> throw new IllegalStateException("unhandled immediate shape " + op.imm());
        }
    }
}
