package io.mutualchain.core.crypto;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import java.util.Arrays;

/** An Ed25519 public key (32 bytes). Whether the point is valid is decided by {@link Ed25519#verify}. */
public final class PublicKey implements Comparable<PublicKey> {
    public static final int SIZE = 32;
    private final byte[] bytes;

    private PublicKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static PublicKey of(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new IllegalArgumentException("public key must be " + SIZE + " bytes, was " + (bytes == null ? "missing" : bytes.length));
        }
        return new PublicKey(bytes.clone());
    }

    public static PublicKey fromHex(String hex) {
        return of(Hex.decode(hex));
    }

    public static PublicKey read(CanonicalReader r, String what) {
        return new PublicKey(r.fixed(SIZE, what));
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
        return o instanceof PublicKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(PublicKey o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
