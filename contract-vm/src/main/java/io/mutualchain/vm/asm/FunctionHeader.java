package io.mutualchain.vm.asm;

import io.mutualchain.vm.FunctionAbi;
import io.mutualchain.vm.ValueType;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code .func name(a: int, b: bytes) -> (int) export}. The result list may be a single
 * type without parentheses; {@code export} makes the function callable from outside the module.
 */
record FunctionHeader(Token name, List<FunctionAbi.Param> params, List<ValueType> results, boolean exported) {

    static FunctionHeader parse(List<Token> st) throws AsmException {
        Cursor c = new Cursor(st, 1);
        Token name = c.name("function name");
        c.expect("(");
        List<FunctionAbi.Param> params = new ArrayList<>();
        if (!c.peekIs(")")) {
            do {
                Token p = c.name("parameter name");
                c.expect(":");
                params.add(new FunctionAbi.Param(p.text(), c.type()));
            } while (c.accept(","));
        }
        c.expect(")");
        List<ValueType> results = new ArrayList<>();
        if (c.accept("->")) {
            if (c.accept("(")) {
                if (!c.peekIs(")")) {
                    do {
                        results.add(c.type());
                    } while (c.accept(","));
                }
                c.expect(")");
            } else {
                results.add(c.type());
            }
        }
        boolean exported = c.accept("export");
        c.end();
        return new FunctionHeader(name, params, results, exported);
    }

    /** Reads a statement's tokens left to right, with errors that point at the token in question. */
    static final class Cursor {
        private final List<Token> tokens;
        private int i;

        Cursor(List<Token> tokens, int start) {
            this.tokens = tokens;
            this.i = start;
        }

        Token next(String what) throws AsmException {
            if (i >= tokens.size()) {
                Token last = tokens.get(tokens.size() - 1);
                throw new AsmException(last.file(), last.line(), last.column() + last.text().length(), "expected " + what);
            }
            return tokens.get(i++);
        }

        boolean peekIs(String s) {
            return i < tokens.size() && tokens.get(i).is(s);
        }

        boolean accept(String s) {
            if (peekIs(s)) {
                i++;
                return true;
            }
            return false;
        }

        void expect(String s) throws AsmException {
            Token t = next("'" + s + "'");
            if (!t.is(s)) {
                throw AsmException.at(t, "expected '" + s + "', found '" + t.text() + "'");
            }
        }

        Token name(String what) throws AsmException {
            Token t = next(what);
            if (t.kind() != Token.Kind.IDENT || !FunctionAbi.isValidName(t.text())) {
                throw AsmException.at(t, "'" + t.text() + "' is not a valid " + what);
            }
            return t;
        }

        ValueType type() throws AsmException {
            Token t = next("a type (int or bytes)");
            ValueType type = t.kind() == Token.Kind.IDENT ? ValueType.ofKeyword(t.text()) : null;
            if (type == null) {
                throw AsmException.at(t, "'" + t.text() + "' is not a type (int or bytes)");
            }
            return type;
        }

        void end() throws AsmException {
            if (i < tokens.size()) {
                throw AsmException.at(tokens.get(i), "unexpected '" + tokens.get(i).text() + "'");
            }
        }
    }
}
