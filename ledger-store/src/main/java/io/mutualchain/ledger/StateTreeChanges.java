package io.mutualchain.ledger;

import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.state.NodeStore;
import io.mutualchain.ledger.state.SmtHashing;
import io.mutualchain.ledger.state.SparseMerkleTree;
import io.mutualchain.ledger.state.StateKeys;
import java.util.Map;
import java.util.NavigableMap;

/** Turns account changes into state-tree changes: tree key SHA-256(0x01 || address), value the account encoding, an empty account removed. */
final class StateTreeChanges {
    private StateTreeChanges() {
    }

    static SparseMerkleTree.Update apply(NodeStore committed, NavigableMap<Address, Account> changed) {
        NavigableMap<byte[], byte[]> changes = SparseMerkleTree.newChangeMap();
        for (Map.Entry<Address, Account> e : changed.entrySet()) {
            Account a = e.getValue();
            changes.put(StateKeys.accountTreeKey(e.getKey()).toBytes(), a.isEmpty() ? null : SmtHashing.valueHash(a.encode()));
        }
        return SparseMerkleTree.update(committed, changes);
    }
}
