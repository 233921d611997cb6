package io.mutualchain.core.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Reads values in the canonical encoding and refuses anything that is not canonical. Every method
 * either returns a value or throws {@link CodecException}; no other exception escapes, whatever the
 * input bytes are.
 */
public final class CanonicalReader {
    private final byte[] buf;
    private int pos;
    private final int end;

    public CanonicalReader(byte[] bytes) {
        this.buf = bytes;
        this.pos = 0;
        this.end = bytes.length;
    }

    public int remaining() {
        return end - pos;
    }

    public int position() {
        return pos;
    }

    private void need(int n, String what) {
        if (n < 0 || n > end - pos) {
            throw new CodecException(what + ": needs " + n + " bytes at offset " + pos + ", only " + (end - pos) + " left");
        }
    }

    public int u8(String what) {
        need(1, what);
        return buf[pos++] & 0xff;
    }

    public boolean bool(String what) {
        int b = u8(what);
        if (b > 1) {
            throw new CodecException(what + ": boolean must be 0 or 1, was " + b);
        }
        return b == 1;
    }

    /** An unsigned 64-bit varint in its shortest form. */
    public long varint(String what) {
        long result = 0;
        int start = pos;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1, what);
            int b = buf[pos++] & 0xff;
            if (shift == 63 && (b & 0xfe) != 0) {
                throw new CodecException(what + ": varint overflows 64 bits at offset " + start);
            }
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && shift > 0) {
                    throw new CodecException(what + ": varint is not in its shortest form at offset " + start);
                }
                return result;
            }
        }
        throw new CodecException(what + ": varint longer than 10 bytes at offset " + start);
    }

    /** A varint in [0, max]. */
    public long uint(String what, long max) {
        long v = varint(what);
        if (v < 0 || v > max) {
            throw new CodecException(what + ": value " + Long.toUnsignedString(v) + " is out of range [0, " + max + "]");
        }
        return v;
    }

    public int uintAsInt(String what, int max) {
        return (int) uint(what, max);
    }

    public byte[] fixed(int length, String what) {
        need(length, what);
        byte[] out = new byte[length];
        System.arraycopy(buf, pos, out, 0, length);
        pos += length;
        return out;
    }

    public byte[] bytes(String what, int maxLength) {
        int len = uintAsInt(what + " length", maxLength);
        return fixed(len, what);
    }

    public String string(String what, int maxBytes) {
        byte[] raw = bytes(what, maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CodecException(what + ": not valid UTF-8");
        }
    }

    public <T> List<T> list(String what, int maxCount, Function<CanonicalReader, T> element) {
        int count = uintAsInt(what + " count", maxCount);
        List<T> out = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            out.add(element.apply(this));
        }
        return Collections.unmodifiableList(out);
    }

    /** Call after the last field: refuses trailing bytes. */
    public void expectEnd(String what) {
        if (pos != end) {
            throw new CodecException(what + ": " + (end - pos) + " trailing bytes after offset " + pos);
        }
    }
}
