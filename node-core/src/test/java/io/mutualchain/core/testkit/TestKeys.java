package io.mutualchain.core.testkit;

import io.mutualchain.core.crypto.KeyPair;

/** Deterministic key pairs for tests, so a failing run can be repeated exactly. */
public final class TestKeys {
    private TestKeys() {
    }

    /** The key whose 32-byte seed is {@code n} in the first 8 bytes (big-endian) and 0x5a elsewhere. */
    public static KeyPair key(long n) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) 0x5a);
        for (int i = 0; i < 8; i++) {
            seed[i] = (byte) (n >>> (56 - 8 * i));
        }
        return KeyPair.fromSeed(seed);
    }
}
