package io.mutualchain.vm;

/** The two types a VM value can have. The code is the byte used for it in modules and ABI encodings. */
public enum ValueType {
    INT(0, "int"),
    BYTES(1, "bytes");

    private final int code;
    private final String keyword;

    ValueType(int code, String keyword) {
        this.code = code;
        this.keyword = keyword;
    }

    public int code() {
        return code;
    }

    /** The word the assembler and the disassembler use for this type. */
    public String keyword() {
        return keyword;
    }

    /** The type with this code, or null when no type has it (the caller reports the error in its own terms). */
    public static ValueType ofCode(int code) {
        return switch (code) {
            case 0 -> INT;
            case 1 -> BYTES;
            default -> null;
        };
    }

    /** The type with this keyword, or null. */
    public static ValueType ofKeyword(String keyword) {
        return switch (keyword) {
            case "int" -> INT;
            case "bytes" -> BYTES;
            default -> null;
        };
    }
}
