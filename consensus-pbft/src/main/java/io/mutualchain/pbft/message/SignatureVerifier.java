package io.mutualchain.pbft.message;

import io.mutualchain.core.crypto.Ed25519;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Signature;

/**
 * Checks one signature. Production uses {@link #ED25519}; the simulator injects a memoising
 * wrapper around the same function so that thousands of seeds fit in the CI budget (the verdicts are
 * identical, only repeated work is skipped).
 */
@FunctionalInterface
public interface SignatureVerifier {
    SignatureVerifier ED25519 = Ed25519::verify;

    boolean verify(PublicKey key, byte[] message, Signature signature);
}
