package io.mutualchain.core.crypto;

import io.mutualchain.core.codec.CanonicalReader;

/** An Ed25519 signature (64 bytes). */
public final class Signature extends FixedBytes {
    public static final int SIZE = 64;

    private Signature(byte[] bytes) {
        super(bytes);
    }

    public static Signature of(byte[] bytes) {
        return new Signature(checked(bytes, SIZE, "signature"));
    }

    public static Signature read(CanonicalReader r, String what) {
        return new Signature(r.fixed(SIZE, what));
    }

    @Override
    public String toString() {
        return toHex();
    }
}
