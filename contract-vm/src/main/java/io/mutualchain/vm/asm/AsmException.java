package io.mutualchain.vm.asm;

/** Source that cannot be assembled; says where ({@code file:line:column}, both 1-based) and why. */
public final class AsmException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    public AsmException(String file, int line, int column, String reason) {
        super(file + ":" + line + ":" + column + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    static AsmException at(Token t, String reason) {
        return new AsmException(t.file(), t.line(), t.column(), reason);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position. */
    public String reason() {
        return reason;
    }
}
