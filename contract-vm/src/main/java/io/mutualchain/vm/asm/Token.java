package io.mutualchain.vm.asm;

/**
 * One token of assembler source with its position. For STRING and HEX tokens {@code bytes} holds the
 * decoded value; {@code text} is always the token as written.
 */
record Token(Kind kind, String text, byte[] bytes, String file, int line, int column) {

    enum Kind {
        /** A name, a mnemonic, a directive ({@code .func}) or a macro-local label ({@code %loop}). */
        IDENT,
        INT,
        /** {@code "text"}: its UTF-8 bytes. */
        STRING,
        /** {@code x"00ff"}: the bytes the hex digits spell. */
        HEX,
        PUNCT
    }

    boolean is(String s) {
        return text.equals(s) && kind != Kind.STRING && kind != Kind.HEX;
    }

    boolean isBytes() {
        return kind == Kind.STRING || kind == Kind.HEX;
    }

    /** The same token, renamed (macro parameters and macro-local labels). */
    Token withText(String newText) {
        return new Token(kind, newText, bytes, file, line, column);
    }
}
