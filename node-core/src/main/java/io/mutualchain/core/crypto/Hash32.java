package io.mutualchain.core.crypto;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.codec.CanonicalReader;

/** A 32-byte digest (block hash, transaction id, Merkle root, state root). Immutable; compares by value. */
public final class Hash32 extends FixedBytes implements Comparable<Hash32> {
    public static final int SIZE = 32;
    public static final Hash32 ZERO = new Hash32(new byte[SIZE]);

    private Hash32(byte[] bytes) {
        super(bytes);
    }

    public static Hash32 of(byte[] bytes) {
        return new Hash32(checked(bytes, SIZE, "hash"));
    }

    public static Hash32 fromHex(String hex) {
        return of(Hex.decode(hex));
    }

    public static Hash32 read(CanonicalReader r, String what) {
        return new Hash32(r.fixed(SIZE, what));
    }

    @Override
    public int compareTo(Hash32 o) {
        return compareBytes(o);
    }

    @Override
    public String toString() {
        return "0x" + toHex();
    }
}
