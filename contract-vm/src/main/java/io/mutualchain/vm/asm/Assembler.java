package io.mutualchain.vm.asm;

import io.mutualchain.vm.FunctionAbi;
import io.mutualchain.vm.Limits;
import io.mutualchain.vm.ModuleImage;
import io.mutualchain.vm.ModuleLoader;
import io.mutualchain.vm.ValueType;
import io.mutualchain.vm.VmLoadException;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assembles contract source into module bytes. The result has passed {@link ModuleLoader#load}: a
 * program the verifier would refuse is reported as an assembler error at the instruction that
 * breaks the rule, so authors see "file:line:column: stack underflow" rather than a code offset.
 *
 * <p>Module-level statements: {@code .const NAME value} (an int, or bytes that go into the constant
 * pool in declaration order), {@code .slot NAME "key"} (a bytes constant meant as a storage key),
 * {@code .func ... .end}, {@code .include}, {@code .macro}. Inside a function: {@code .local NAME: TYPE},
 * labels ({@code NAME:}) and instructions. See docs/contracts.md for the whole language.
 */
public final class Assembler {
    private final Map<String, Long> intConsts = new HashMap<>();
    private final Map<String, Integer> bytesConsts = new HashMap<>();
    private final List<byte[]> pool = new ArrayList<>();
    private final List<FunctionAbi> functions = new ArrayList<>();
    private final List<Token> functionTokens = new ArrayList<>();
    private final Map<String, Integer> functionIndex = new HashMap<>();
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private final List<Fixup> callFixups = new ArrayList<>();
    private final TreeMap<Integer, Token> sourceAt = new TreeMap<>();
    private FunctionBody current;

    record Fixup(int position, Token name) {
    }

    private Assembler() {
    }

    public static byte[] assemble(String source, String fileName, IncludeResolver includes) throws AsmException {
        return new Assembler().run(source, fileName, includes);
    }

    private byte[] run(String source, String fileName, IncludeResolver includes) throws AsmException {
        List<List<Token>> statements = new Preprocessor(includes).run(source, fileName);
        for (List<Token> st : statements) {
            statement(st);
        }
        if (current != null) {
            throw AsmException.at(current.header.name(), "function '" + current.header.name().text() + "' has no .end");
        }
        if (functions.isEmpty()) {
            throw new AsmException(fileName, 1, 1, "a module needs at least one .func");
        }
        byte[] bytes = code.toByteArray();
        for (Fixup f : callFixups) {
            Integer index = functionIndex.get(f.name().text());
            if (index == null) {
                throw AsmException.at(f.name(), "no function named '" + f.name().text() + "'");
            }
            bytes[f.position()] = (byte) (index >>> 8);
            bytes[f.position() + 1] = (byte) (int) index;
        }
        byte[] module = new ModuleImage(pool, functions, bytes).encode();
        try {
            ModuleLoader.load(module);
        } catch (VmLoadException e) {
            Map.Entry<Integer, Token> at = e.offset() >= 0 ? sourceAt.floorEntry(e.offset()) : null;
            Token where = at != null ? at.getValue() : functionTokens.get(0);
            throw AsmException.at(where, e.getMessage());
        }
        return module;
    }

    private void statement(List<Token> st) throws AsmException {
        Token head = st.get(0);
        if (head.kind() == Token.Kind.IDENT && st.size() >= 2 && st.get(1).is(":") && !head.text().startsWith(".")) {
            if (current == null) {
                throw AsmException.at(head, "a label must be inside a function");
            }
            if (head.text().startsWith("%")) {
                throw AsmException.at(head, "labels starting with % are only for macros");
            }
            current.label(head, code.size());
            if (st.size() > 2) {
                statement(st.subList(2, st.size()));
            }
            return;
        }
        switch (head.text()) {
            case ".const", ".slot" -> constant(st);
            case ".func" -> {
                if (current != null) {
                    throw AsmException.at(head, "functions cannot nest; close '" + current.header.name().text() + "' with .end first");
                }
                FunctionHeader h = FunctionHeader.parse(st);
                if (functionIndex.containsKey(h.name().text())) {
                    throw AsmException.at(h.name(), "function '" + h.name().text() + "' is defined twice");
                }
                current = new FunctionBody(h, code.size(), this);
            }
            case ".local" -> inFunction(head).local(st);
            case ".end" -> {
                FunctionBody f = inFunction(head);
                new FunctionHeader.Cursor(st, 1).end();
                f.finish(code, head);
                functionIndex.put(f.header.name().text(), functions.size());
                functions.add(f.abi());
                functionTokens.add(f.header.name());
                current = null;
            }
            default -> {
                if (head.text().startsWith(".")) {
                    throw AsmException.at(head, "unknown directive '" + head.text() + "'");
                }
                int at = code.size();
                sourceAt.put(at, head);
                inFunction(head).instruction(st, code);
                if (code.size() > Limits.CODE_BYTES_MAX) {
                    throw AsmException.at(head, "code exceeds " + Limits.CODE_BYTES_MAX + " bytes");
                }
            }
        }
    }

    private FunctionBody inFunction(Token head) throws AsmException {
        if (current == null) {
            throw AsmException.at(head, "'" + head.text() + "' must be inside a .func");
        }
        return current;
    }

    private void constant(List<Token> st) throws AsmException {
        FunctionHeader.Cursor c = new FunctionHeader.Cursor(st, 1);
        Token name = c.name("constant name");
        Token value = c.next("a value");
        c.end();
        if (intConsts.containsKey(name.text()) || bytesConsts.containsKey(name.text())) {
            throw AsmException.at(name, "constant '" + name.text() + "' is defined twice");
        }
        if (value.isBytes()) {
            bytesConsts.put(name.text(), addToPool(value, value.bytes(), false));
        } else if (st.get(0).is(".slot")) {
            throw AsmException.at(value, "a storage slot is a byte string, for example \"balance\"");
        } else {
            intConsts.put(name.text(), integer(value));
        }
    }

    /** Pool index for a byte string; inline literals reuse an equal entry, named constants always get their own. */
    int addToPool(Token at, byte[] value, boolean reuse) throws AsmException {
        if (value.length > Limits.BYTES_LENGTH_MAX) {
            throw AsmException.at(at, "byte string of " + value.length + " bytes, at most " + Limits.BYTES_LENGTH_MAX);
        }
        if (reuse) {
            for (int i = 0; i < pool.size(); i++) {
                if (Arrays.equals(pool.get(i), value)) {
                    return i;
                }
            }
        }
        if (pool.size() >= Limits.CONSTANTS_MAX) {
            throw AsmException.at(at, "more than " + Limits.CONSTANTS_MAX + " byte-string constants");
        }
        pool.add(value.clone());
        return pool.size() - 1;
    }

    /** An int operand: a literal or the name of an int constant. */
    long intOperand(Token t) throws AsmException {
        if (t.kind() == Token.Kind.IDENT) {
            Long v = intConsts.get(t.text());
            if (v == null) {
                throw AsmException.at(t, bytesConsts.containsKey(t.text()) ? "'" + t.text() + "' is a byte-string constant, not an int"
                        : "no int constant named '" + t.text() + "'");
            }
            return v;
        }
        return integer(t);
    }

    /** A bytes operand: a literal (pooled) or the name of a bytes constant; -1 when the token is neither. */
    int bytesOperand(Token t) throws AsmException {
        if (t.isBytes()) {
            return addToPool(t, t.bytes(), true);
        }
        Integer index = t.kind() == Token.Kind.IDENT ? bytesConsts.get(t.text()) : null;
        return index == null ? -1 : index;
    }

    void callFixup(int position, Token name) {
        callFixups.add(new Fixup(position, name));
    }

    static long integer(Token t) throws AsmException {
        if (t.kind() != Token.Kind.INT) {
            throw AsmException.at(t, "expected an integer, found '" + t.text() + "'");
        }
        try {
            return Long.parseLong(t.text().replace("_", ""));
        } catch (NumberFormatException e) {
            throw AsmException.at(t, "'" + t.text() + "' is not a 64-bit integer");
        }
    }

    static List<ValueType> typeList(FunctionHeader.Cursor c) throws AsmException {
        List<ValueType> out = new ArrayList<>();
        c.expect("(");
        if (!c.peekIs(")")) {
            do {
                out.add(c.type());
            } while (c.accept(","));
        }
        c.expect(")");
        return out;
    }
}
