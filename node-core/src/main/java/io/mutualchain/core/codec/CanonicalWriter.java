package io.mutualchain.core.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/** Appends values in the canonical encoding (see the package documentation). Not thread-safe. */
public final class CanonicalWriter {
    private byte[] buf;
    private int size;

    public CanonicalWriter() {
        this(64);
    }

    public CanonicalWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public CanonicalWriter u8(int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("u8 out of range: " + value);
        }
        ensure(1);
        buf[size++] = (byte) value;
        return this;
    }

    public CanonicalWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    /** An unsigned 64-bit value as a minimal LEB128 varint; negative longs are values above 2^63. */
    public CanonicalWriter varint(long value) {
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    /** A value that must not be negative, written as a varint. */
    public CanonicalWriter uint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value cannot be encoded as unsigned: " + value);
        }
        return varint(value);
    }

    /** Raw bytes of a size both sides know (hashes, keys, signatures); no length prefix. */
    public CanonicalWriter fixed(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    /** A length-prefixed byte string. */
    public CanonicalWriter bytes(byte[] bytes) {
        varint(bytes.length);
        return fixed(bytes);
    }

    public CanonicalWriter string(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    public <T> CanonicalWriter list(List<T> items, BiConsumer<CanonicalWriter, T> element) {
        varint(items.size());
        for (T item : items) {
            element.accept(this, item);
        }
        return this;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
