package io.mutualchain.vm.asm;

import io.mutualchain.vm.FunctionAbi;
import io.mutualchain.vm.Instruction;
import io.mutualchain.vm.Limits;
import io.mutualchain.vm.Opcode;
import io.mutualchain.vm.ValueType;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The function being assembled: its locals, its labels and the jumps waiting for them. */
final class FunctionBody {
    final FunctionHeader header;
    private final int entry;
    private final Assembler module;
    private final Map<String, Integer> localIndex = new HashMap<>();
    private final List<ValueType> extraLocals = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private final List<Assembler.Fixup> jumps = new ArrayList<>();

    FunctionBody(FunctionHeader header, int entry, Assembler module) throws AsmException {
        this.header = header;
        this.entry = entry;
        this.module = module;
        for (FunctionAbi.Param p : header.params()) {
            if (localIndex.putIfAbsent(p.name(), localIndex.size()) != null) {
                throw AsmException.at(header.name(), "parameter '" + p.name() + "' is declared twice");
            }
        }
        if (header.params().size() > Limits.PARAMS_MAX || header.results().size() > Limits.RESULTS_MAX) {
            throw AsmException.at(header.name(), "at most " + Limits.PARAMS_MAX + " parameters and " + Limits.RESULTS_MAX + " results");
        }
    }

    void local(List<Token> st) throws AsmException {
        FunctionHeader.Cursor c = new FunctionHeader.Cursor(st, 1);
        Token name = c.name("local name");
        c.expect(":");
        ValueType type = c.type();
        c.end();
        if (localIndex.containsKey(name.text())) {
            throw AsmException.at(name, "'" + name.text() + "' is already a parameter or local");
        }
        if (localIndex.size() >= Limits.LOCALS_MAX) {
            throw AsmException.at(name, "more than " + Limits.LOCALS_MAX + " locals");
        }
        localIndex.put(name.text(), localIndex.size());
        extraLocals.add(type);
    }

    void label(Token name, int offset) throws AsmException {
        if (labels.putIfAbsent(name.text(), offset) != null) {
            throw AsmException.at(name, "label '" + name.text() + "' is defined twice in this function");
        }
    }

    void instruction(List<Token> st, ByteArrayOutputStream code) throws AsmException {
        Token head = st.get(0);
        Opcode op = Opcode.ofMnemonic(head.text());
        if (op == null || head.kind() != Token.Kind.IDENT) {
            throw AsmException.at(head, "unknown instruction or macro '" + head.text() + "'");
        }
        FunctionHeader.Cursor c = new FunctionHeader.Cursor(st, 1);
        long operand = 0;
        List<ValueType> args = List.of();
        List<ValueType> results = List.of();
        switch (op.imm()) {
            case NONE -> {
            }
            case I64, CONST -> {
                Token t = c.next("a value");
                int pooled = module.bytesOperand(t);
                if (pooled >= 0) {
                    op = Opcode.PUSHB;
                    operand = pooled;
                } else if (op == Opcode.PUSHB) {
                    throw AsmException.at(t, "pushb needs a byte string or a bytes constant");
                } else {
                    operand = module.intOperand(t);
                }
            }
            case LOCAL -> {
                Token t = c.next("a local");
                Integer index = t.kind() == Token.Kind.IDENT ? localIndex.get(t.text()) : null;
                if (index == null && t.kind() == Token.Kind.INT) {
                    long n = Assembler.integer(t);
                    index = n >= 0 && n < Limits.LOCALS_MAX ? (int) n : null;
                }
                if (index == null) {
                    throw AsmException.at(t, "no parameter or local '" + t.text() + "' in function '" + header.name().text() + "'");
                }
                operand = index;
            }
            case TARGET -> jumps.add(new Assembler.Fixup(code.size() + 1, c.next("a label")));
            case FUNCTION -> module.callFixup(code.size() + 1, c.name("function name"));
            case COUNT -> {
                Token t = c.next("a count");
                operand = module.intOperand(t);
                if (operand < 0 || operand > Limits.EVENT_TOPICS_MAX) {
                    throw AsmException.at(t, "an event has 0 to " + Limits.EVENT_TOPICS_MAX + " topics");
                }
            }
            case SIGNATURE -> {
                args = Assembler.typeList(c);
                c.expect("->");
                results = Assembler.typeList(c);
                if (args.size() > Instruction.XCALL_ARGS_MAX || results.size() > Limits.RESULTS_MAX) {
                    throw AsmException.at(head, "xcall takes at most " + Instruction.XCALL_ARGS_MAX + " arguments and "
                            + Limits.RESULTS_MAX + " results");
                }
            }
            default -> throw new IllegalStateException("unhandled immediate shape " + op.imm());
        }
        c.end();
        Instruction.encode(code, op, operand, args, results);
    }

    /** Patches the jumps and checks the body is not empty; {@code code} holds this function's bytes from {@code entry}. */
    void finish(ByteArrayOutputStream code, Token end) throws AsmException {
        if (code.size() == entry) {
            throw AsmException.at(end, "function '" + header.name().text() + "' has no instructions");
        }
        byte[] bytes = code.toByteArray();
        for (Assembler.Fixup j : jumps) {
            Integer target = labels.get(j.name().text());
            if (target == null) {
                throw AsmException.at(j.name(), "no label '" + j.name().text() + "' in function '" + header.name().text() + "'");
            }
            if (target == code.size()) {
                throw AsmException.at(j.name(), "label '" + j.name().text() + "' marks the end of the function, not an instruction");
            }
            bytes[j.position()] = (byte) (target >>> 8);
            bytes[j.position() + 1] = (byte) (int) target;
        }
        code.reset();
        code.writeBytes(bytes);
    }

    FunctionAbi abi() {
        return new FunctionAbi(header.name().text(), header.exported(), header.params(), header.results(), extraLocals, entry);
    }
}
