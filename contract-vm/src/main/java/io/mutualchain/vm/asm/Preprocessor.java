package io.mutualchain.vm.asm;

import io.mutualchain.vm.Opcode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns source text into a flat list of statements (one non-empty token list per line), following
 * {@code .include "path"} and expanding macros.
 *
 * <pre>
 * .macro require reason      ; a macro with one parameter
 *     jumpif %ok             ; %name is a label local to each expansion
 *     push reason
 *     revert
 * %ok:
 * .endmacro
 * </pre>
 * A use is a line that starts with the macro's name followed by one token per parameter.
 */
final class Preprocessor {
    /** Nested includes, counting the main file as 1. */
    static final int INCLUDE_DEPTH_MAX = 16;
    /** Macros used inside macros, counting the outermost use as 1. */
    static final int MACRO_DEPTH_MAX = 16;
    /** Statements after expansion: stops a macro that doubles itself from eating the machine. */
    static final int STATEMENTS_MAX = 200_000;

    private record Macro(Token name, List<String> params, List<List<Token>> body) {
    }

    private final IncludeResolver includes;
    private final Map<String, Macro> macros = new HashMap<>();
    private final Deque<String> includeStack = new ArrayDeque<>();
    private final List<List<Token>> out = new ArrayList<>();
    private int expansions;

    Preprocessor(IncludeResolver includes) {
        this.includes = includes;
    }

    List<List<Token>> run(String source, String fileName) throws AsmException {
        file(source, fileName, null);
        return out;
    }

    private void file(String source, String fileName, Token includedAt) throws AsmException {
        if (includeStack.contains(fileName)) {
            throw AsmException.at(includedAt, "'" + fileName + "' includes itself");
        }
        if (includeStack.size() >= INCLUDE_DEPTH_MAX) {
            throw AsmException.at(includedAt, "includes nest deeper than " + INCLUDE_DEPTH_MAX);
        }
        includeStack.push(fileName);
        String[] lines = source.split("\n", -1);
        Macro open = null;
        for (int i = 0; i < lines.length; i++) {
            List<Token> st = Lexer.line(fileName, i + 1, lines[i]);
            if (st.isEmpty()) {
                continue;
            }
            Token head = st.get(0);
            if (open != null) {
                if (head.is(".endmacro")) {
                    macros.put(open.name().text(), open);
                    open = null;
                } else if (head.is(".macro")) {
                    throw AsmException.at(head, "a macro cannot be defined inside another");
                } else {
                    open.body().add(st);
                }
            } else if (head.is(".macro")) {
                open = defineMacro(st);
            } else if (head.is(".endmacro")) {
                throw AsmException.at(head, ".endmacro without .macro");
            } else if (head.is(".include")) {
                if (st.size() != 2 || st.get(1).kind() != Token.Kind.STRING) {
                    throw AsmException.at(head, ".include takes one quoted path");
                }
                String path = new String(st.get(1).bytes(), java.nio.charset.StandardCharsets.UTF_8);
                String text = includes.read(path).orElseThrow(() -> AsmException.at(st.get(1), "cannot include '" + path + "': not found"));
                file(text, path, st.get(1));
            } else {
                statement(st, 1);
            }
        }
        if (open != null) {
            throw AsmException.at(open.name(), "macro '" + open.name().text() + "' has no .endmacro");
        }
        includeStack.pop();
    }

    private Macro defineMacro(List<Token> st) throws AsmException {
        if (st.size() < 2 || st.get(1).kind() != Token.Kind.IDENT || st.get(1).text().startsWith(".")) {
            throw AsmException.at(st.get(0), ".macro needs a name");
        }
        Token name = st.get(1);
        if (Opcode.ofMnemonic(name.text()) != null || macros.containsKey(name.text())) {
            throw AsmException.at(name, "'" + name.text() + "' is already an instruction or a macro");
        }
        List<String> params = new ArrayList<>();
        for (Token p : st.subList(2, st.size())) {
            if (p.is(",")) {
                continue;
            }
            if (p.kind() != Token.Kind.IDENT) {
                throw AsmException.at(p, "macro parameter must be a name");
            }
            params.add(p.text());
        }
        return new Macro(name, params, new ArrayList<>());
    }

    private void statement(List<Token> st, int depth) throws AsmException {
        Macro m = macros.get(st.get(0).text());
        if (m == null || st.get(0).kind() != Token.Kind.IDENT) {
            if (out.size() >= STATEMENTS_MAX) {
                throw AsmException.at(st.get(0), "more than " + STATEMENTS_MAX + " statements after macro expansion");
            }
            out.add(st);
            return;
        }
        if (depth > MACRO_DEPTH_MAX) {
            throw AsmException.at(st.get(0), "macros nest deeper than " + MACRO_DEPTH_MAX);
        }
        List<Token> args = st.subList(1, st.size()).stream().filter(t -> !t.is(",")).toList();
        if (args.size() != m.params().size()) {
            throw AsmException.at(st.get(0), "macro '" + m.name().text() + "' takes " + m.params().size() + " arguments, got " + args.size());
        }
        int id = ++expansions;
        for (List<Token> line : m.body()) {
            List<Token> expanded = new ArrayList<>(line.size());
            for (Token t : line) {
                int p = t.kind() == Token.Kind.IDENT ? m.params().indexOf(t.text()) : -1;
                if (p >= 0) {
                    expanded.add(args.get(p));
                } else if (t.kind() == Token.Kind.IDENT && t.text().startsWith("%")) {
                    expanded.add(t.withText(t.text().substring(1) + "__" + m.name().text() + id));
                } else {
                    expanded.add(t);
                }
            }
            statement(expanded, depth + 1);
        }
    }
}
