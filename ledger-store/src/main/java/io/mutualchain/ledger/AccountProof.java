package io.mutualchain.ledger;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.ledger.state.StateProof;
import java.util.Optional;

/**
 * An account and the proof of it, all read from one snapshot: the state after block {@code height},
 * whose root is {@code stateRoot} (the root that the header of block {@code height + 1} carries).
 * An empty account is proved by non-membership.
 */
public record AccountProof(Address address, Account account, long height, Hash32 stateRoot, StateProof proof) {
    /** The value the tree holds for this account: its encoding, or nothing for an empty account. */
    public Optional<byte[]> treeValue() {
        return account.isEmpty() ? Optional.empty() : Optional.of(account.encode());
    }

    /** Checks the proof against {@code root} (normally {@link #stateRoot()} or a header's state root). */
    public boolean verify(Hash32 root) {
        return proof.key().equals(StateKeys.accountTreeKey(address)) && proof.verify(root, treeValue());
    }
}
