package io.mutualchain.core.bytes;

/**
 * Lower-case hexadecimal, the only text form of raw bytes in MutualChain. Decoding accepts an
 * optional {@code 0x} prefix and either case, and rejects odd lengths and non-hex characters with
 * an {@link IllegalArgumentException} that says what was wrong.
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    public static byte[] decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("hex: value is missing");
        }
        String s = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if ((s.length() & 1) != 0) {
            throw new IllegalArgumentException("hex: odd number of digits (" + s.length() + ")");
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(s, 2 * i);
            int lo = digit(s, 2 * i + 1);
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    private static int digit(String s, int index) {
        char c = s.charAt(index);
        // Only ASCII: Character.digit also reads fullwidth and other scripts' digits, which would give
        // the same bytes a second text form.
        int d = c < 0x80 ? Character.digit(c, 16) : -1;
        if (d < 0) {
            throw new IllegalArgumentException("hex: '" + s.charAt(index) + "' at position " + index + " is not a hex digit");
        }
        return d;
    }
}
