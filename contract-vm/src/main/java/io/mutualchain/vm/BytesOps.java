package io.mutualchain.vm;

import java.util.Arrays;

/**
 * The byte-string instructions as pure functions. Byte strings are immutable, so none of these
 * writes to an argument; the ones that build a new string leave the memory and gas accounting to
 * the caller, which charges before calling.
 */
final class BytesOps {
    private BytesOps() {
    }

    static int concatLength(byte[] a, byte[] b) {
        long len = (long) a.length + b.length;
        if (len > Limits.BYTES_LENGTH_MAX) {
            throw Halt.trap(TrapKind.BYTES_TOO_LONG, "concatenation would be " + len + " bytes, at most " + Limits.BYTES_LENGTH_MAX);
        }
        return (int) len;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static void checkSlice(byte[] a, long start, long length) {
        if (start < 0 || length < 0 || start > a.length || length > a.length - start) {
            throw Halt.trap(TrapKind.OUT_OF_BOUNDS, "slice [" + start + ", +" + length + ") of " + a.length + " bytes");
        }
    }

    static byte[] slice(byte[] a, long start, long length) {
        return Arrays.copyOfRange(a, (int) start, (int) (start + length));
    }

    static long get(byte[] a, long index) {
        if (index < 0 || index >= a.length) {
            throw Halt.trap(TrapKind.OUT_OF_BOUNDS, "index " + index + " of " + a.length + " bytes");
        }
        return a[(int) index] & 0xff;
    }

    static byte[] fromInt(long v) {
        byte[] b = new byte[8];
        for (int k = 7; k >= 0; k--) {
            b[k] = (byte) v;
            v >>= 8;
        }
        return b;
    }

    /** Exactly 8 bytes, big-endian, two's complement: the inverse of {@link #fromInt}. */
    static long toInt(byte[] b) {
        if (b.length != 8) {
            throw Halt.trap(TrapKind.OUT_OF_BOUNDS, "btoi needs exactly 8 bytes, got " + b.length);
        }
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xff);
        }
        return v;
    }
}
