package io.mutualchain.core.crypto;

/**
 * The chain's one signature scheme: pure Ed25519 (RFC 8032, no context, no pre-hash) through
 * BouncyCastle's RFC 8032 implementation. Verification is strict in BouncyCastle's sense (canonical
 * S, canonical point encodings, cofactorless equation); the verdict on every known edge case is
 * pinned by the test vectors, so a library upgrade that changes one fails the build.
 */
public final class Ed25519 {
    private Ed25519() {
    }

    public static PublicKey publicKeyOf(byte[] seed) {
        checkSeed(seed);
        byte[] pk = new byte[PublicKey.SIZE];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, pk, 0);
        return PublicKey.of(pk);
    }

    public static Signature sign(byte[] seed, PublicKey publicKey, byte[] message) {
        checkSeed(seed);
        byte[] sig = new byte[Signature.SIZE];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, publicKey.raw(), 0, message, 0, message.length, sig, 0);
        return Signature.of(sig);
    }

    /** True exactly when BouncyCastle's strict verifier accepts; never throws on hostile input. */
    public static boolean verify(PublicKey publicKey, byte[] message, Signature signature) {
        try {
            return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature.raw(), 0, publicKey.raw(), 0, message, 0, message.length);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void checkSeed(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("Ed25519 private key seed must be 32 bytes");
        }
    }
}
