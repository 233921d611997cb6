package io.mutualchain.ledger;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.ledger.state.StateProof;
import java.util.Optional;

/**
 * A state entry (or its absence) and its proof from one snapshot: the state after block
 * {@code height}, whose root {@code stateRoot} is what the header of block {@code height + 1} carries.
 */
public record EntryProof(byte[] stateKey, Optional<byte[]> value, long height, Hash32 stateRoot, StateProof proof) {
    public boolean verify(Hash32 root) {
        return proof.key().equals(StateKeys.treeKey(stateKey)) && proof.verify(root, value);
    }
}
