package io.mutualchain.rpc;

import io.mutualchain.core.crypto.Hash32;
import java.util.Objects;

/**
 * A state proof as served: which entry ({@code kind} "account" or "asset", its state key), its value
 * (the canonical encoding, or null when absent), the height whose post-state it proves, the state root
 * of that state, and the encoded proof. That root is carried by the header of block
 * {@code height + 1}, so the proof is checked against that header and its commit certificate
 * ({@link io.mutualchain.rpc.proof.ProofVerifier}).
 */
public record ProofView(String kind, byte[] stateKey, byte[] value, long height, Hash32 stateRoot, byte[] proof) {
    public ProofView {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stateRoot, "stateRoot");
        stateKey = stateKey.clone();
        value = value == null ? null : value.clone();
        proof = proof.clone();
    }

    /** The height of the header whose state root this proof is checked against. */
    public long verifiesAgainstHeight() {
        return height + 1;
    }
}
