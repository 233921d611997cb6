package io.mutualchain.ledger;

import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.state.NodeStore;
import io.mutualchain.ledger.state.SmtHashing;
import io.mutualchain.ledger.state.SparseMerkleTree;
import io.mutualchain.ledger.state.StateKeys;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Turns state changes into state-tree changes: tree key SHA-256(state key), value hash SHA-256 of the
 * encoding; an empty account, and an entry whose value is empty (deleted contract storage), is removed. Accounts and every other entry kind share the one tree, so
 * one root covers all state.
 */
final class StateTreeChanges {
    private StateTreeChanges() {
    }

    static SparseMerkleTree.Update apply(NodeStore committed, NavigableMap<Address, Account> changed, NavigableMap<byte[], byte[]> entries) {
        NavigableMap<byte[], byte[]> changes = SparseMerkleTree.newChangeMap();
        for (Map.Entry<Address, Account> e : changed.entrySet()) {
            Account a = e.getValue();
            changes.put(StateKeys.accountTreeKey(e.getKey()).toBytes(), a.isEmpty() ? null : SmtHashing.valueHash(a.encode()));
        }
        for (Map.Entry<byte[], byte[]> e : entries.entrySet()) {
            // An empty value is a deleted entry (see Overlay): its leaf leaves the tree.
            changes.put(StateKeys.treeKey(e.getKey()).toBytes(), e.getValue().length == 0 ? null : SmtHashing.valueHash(e.getValue()));
        }
        return SparseMerkleTree.update(committed, changes);
    }
}
