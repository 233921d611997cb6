package io.mutualchain.core.crypto;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.codec.CanonicalReader;

/** An Ed25519 public key (32 bytes). Whether the point is valid is decided by {@link Ed25519#verify}. */
public final class PublicKey extends FixedBytes implements Comparable<PublicKey> {
    public static final int SIZE = 32;

    private PublicKey(byte[] bytes) {
        super(bytes);
    }

    public static PublicKey of(byte[] bytes) {
        return new PublicKey(checked(bytes, SIZE, "public key"));
    }

    public static PublicKey fromHex(String hex) {
        return of(Hex.decode(hex));
    }

    public static PublicKey read(CanonicalReader r, String what) {
        return new PublicKey(r.fixed(SIZE, what));
    }

    @Override
    public int compareTo(PublicKey o) {
        return compareBytes(o);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
