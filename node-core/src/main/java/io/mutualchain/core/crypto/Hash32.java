package io.mutualchain.core.crypto;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import java.util.Arrays;

/** A 32-byte digest (block hash, transaction id, Merkle root, state root). Immutable; compares by value. */
public final class Hash32 implements Comparable<Hash32> {
    public static final int SIZE = 32;
    public static final Hash32 ZERO = new Hash32(new byte[SIZE]);

    private final byte[] bytes;

    private Hash32(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Hash32 of(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new IllegalArgumentException("hash must be " + SIZE + " bytes, was " + (bytes == null ? "missing" : bytes.length));
        }
        return new Hash32(bytes.clone());
    }

    public static Hash32 fromHex(String hex) {
        return of(Hex.decode(hex));
    }

    public static Hash32 read(CanonicalReader r, String what) {
        return new Hash32(r.fixed(SIZE, what));
    }

    public void write(CanonicalWriter w) {
        w.fixed(bytes);
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash32 h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Hash32 o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return "0x" + toHex();
    }
}
