package io.mutualchain.core.crypto;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.codec.CanonicalWriter;
import java.util.Arrays;

/**
 * An immutable byte string of a size fixed by its type (a hash, a public key, a signature): encoded
 * raw, with no length prefix, compared by value. Values of different types are never equal, even
 * with the same bytes.
 */
abstract class FixedBytes {
    private final byte[] bytes;

    FixedBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes} after checking the size; the message names the type. */
    static byte[] checked(byte[] bytes, int size, String what) {
        if (bytes == null || bytes.length != size) {
            throw new IllegalArgumentException(what + " must be " + size + " bytes, was " + (bytes == null ? "missing" : bytes.length));
        }
        return bytes.clone();
    }

    /** The bytes themselves, not a copy: for this package's crypto calls only. */
    final byte[] raw() {
        return bytes;
    }

    public final void write(CanonicalWriter w) {
        w.fixed(bytes);
    }

    public final byte[] toBytes() {
        return bytes.clone();
    }

    public final String toHex() {
        return Hex.encode(bytes);
    }

    final int compareBytes(FixedBytes other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(bytes, ((FixedBytes) o).bytes);
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
