package io.mutualchain.vm;

import io.mutualchain.core.bytes.Hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A value as the outside world sees it: an argument passed to a contract function or a result
 * returned from one. Inside the interpreter values live unboxed; this type is for the boundary.
 */
public sealed interface Value permits Value.Int, Value.Bytes {

    ValueType type();

    static Int of(long value) {
        return new Int(value);
    }

    static Bytes of(byte[] value) {
        return new Bytes(value);
    }

    static Bytes utf8(String text) {
        return new Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A signed 64-bit integer. */
    record Int(long value) implements Value {
        @Override
        public ValueType type() {
            return ValueType.INT;
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** An immutable byte string; equality is by content. Its length is bounded only when it enters a VM. */
    final class Bytes implements Value {
        private final byte[] bytes;

        public Bytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public ValueType type() {
            return ValueType.BYTES;
        }

        public byte[] toBytes() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        /** The bytes without a copy, for code in this package that promises not to write to them. */
        byte[] raw() {
            return bytes;
        }

        public String toUtf8() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "0x" + Hex.encode(bytes);
        }
    }
}
