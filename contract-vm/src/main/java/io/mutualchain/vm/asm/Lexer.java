package io.mutualchain.vm.asm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one source line into tokens. Everything after a {@code ;} outside a string is a comment.
 * Strings take the escapes {@code \\ \" \n \t \0 \xHH}; other characters stand for their UTF-8 bytes.
 */
final class Lexer {
    private Lexer() {
    }

    static List<Token> line(String file, int lineNo, String text) throws AsmException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int col = i + 1;
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == ';') {
                break;
            } else if (c == '"' || (c == 'x' && i + 1 < n && text.charAt(i + 1) == '"')) {
                boolean hex = c == 'x';
                int start = i;
                i += hex ? 2 : 1;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                StringBuilder hexDigits = new StringBuilder();
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (hex) {
                        hexDigits.append(d);
                        i++;
                    } else if (d == '\\') {
                        i = escape(file, lineNo, text, i, bytes);
                    } else {
                        int cp = text.codePointAt(i);
                        bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                        i += Character.charCount(cp);
                    }
                }
                if (!closed) {
                    throw new AsmException(file, lineNo, col, "string is not closed");
                }
                byte[] value = hex ? hex(file, lineNo, col, hexDigits.toString()) : bytes.toByteArray();
                out.add(new Token(hex ? Token.Kind.HEX : Token.Kind.STRING, text.substring(start, i), value, file, lineNo, col));
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '>') {
                out.add(new Token(Token.Kind.PUNCT, "->", null, file, lineNo, col));
                i += 2;
            } else if (c == '(' || c == ')' || c == ',' || c == ':') {
                out.add(new Token(Token.Kind.PUNCT, String.valueOf(c), null, file, lineNo, col));
                i++;
            } else if (c == '-' || Character.isDigit(c)) {
                int start = i++;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Token.Kind.INT, text.substring(start, i), null, file, lineNo, col));
            } else if (c == '.' || c == '%' || c == '_' || Character.isLetter(c)) {
                int start = i++;
                while (i < n && (isNameChar(text.charAt(i)))) {
                    i++;
                }
                out.add(new Token(Token.Kind.IDENT, text.substring(start, i), null, file, lineNo, col));
            } else {
                throw new AsmException(file, lineNo, col, "unexpected character '" + c + "'");
            }
        }
        return out;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static int escape(String file, int lineNo, String text, int i, ByteArrayOutputStream bytes) throws AsmException {
        if (i + 1 >= text.length()) {
            throw new AsmException(file, lineNo, i + 1, "string ends inside an escape");
        }
        char e = text.charAt(i + 1);
        switch (e) {
            case '\\' -> bytes.write('\\');
            case '"' -> bytes.write('"');
            case 'n' -> bytes.write('\n');
            case 't' -> bytes.write('\t');
            case '0' -> bytes.write(0);
            case 'x' -> {
                if (i + 4 > text.length()) {
                    throw new AsmException(file, lineNo, i + 1, "\\x needs two hex digits");
                }
                bytes.writeBytes(hex(file, lineNo, i + 1, text.substring(i + 2, i + 4)));
                return i + 4;
            }
            default -> throw new AsmException(file, lineNo, i + 1, "unknown escape \\" + e);
        }
        return i + 2;
    }

    private static byte[] hex(String file, int lineNo, int col, String digits) throws AsmException {
        if (digits.length() % 2 != 0) {
            throw new AsmException(file, lineNo, col, "hex string has an odd number of digits");
        }
        byte[] out = new byte[digits.length() / 2];
        for (int k = 0; k < out.length; k++) {
            int hi = Character.digit(digits.charAt(2 * k), 16);
            int lo = Character.digit(digits.charAt(2 * k + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new AsmException(file, lineNo, col, "'" + digits.substring(2 * k, 2 * k + 2) + "' is not a hex byte");
            }
            out[k] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
