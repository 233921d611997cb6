package io.mutualchain.core.crypto;

import io.mutualchain.core.types.Address;
import java.security.SecureRandom;
import java.util.Arrays;

/** An Ed25519 key pair: the 32-byte private seed and its public key. The seed never leaves this object except to a key file. */
public final class KeyPair {
    private final byte[] seed;
    private final PublicKey publicKey;

    private KeyPair(byte[] seed) {
        this.seed = seed;
        this.publicKey = Ed25519.publicKeyOf(seed);
    }

    public static KeyPair fromSeed(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("private key seed must be 32 bytes");
        }
        return new KeyPair(seed.clone());
    }

    public static KeyPair generate(SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return new KeyPair(seed);
    }

    public static KeyPair generate() {
        return generate(new SecureRandom());
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public Address address() {
        return Address.of(publicKey);
    }

    public Signature sign(byte[] message) {
        return Ed25519.sign(seed, publicKey, message);
    }

    byte[] seed() {
        return seed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyPair k && Arrays.equals(seed, k.seed);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "KeyPair(" + publicKey.toHex() + ")";
    }
}
