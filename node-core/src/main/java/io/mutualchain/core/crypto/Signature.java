package io.mutualchain.core.crypto;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import java.util.Arrays;

/** An Ed25519 signature (64 bytes). */
public final class Signature {
    public static final int SIZE = 64;
    private final byte[] bytes;

    private Signature(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Signature of(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new IllegalArgumentException("signature must be " + SIZE + " bytes, was " + (bytes == null ? "missing" : bytes.length));
        }
        return new Signature(bytes.clone());
    }

    public static Signature read(CanonicalReader r, String what) {
        return new Signature(r.fixed(SIZE, what));
    }

    public void write(CanonicalWriter w) {
        w.fixed(bytes);
    }

    byte[] raw() {
        return bytes;
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
