package io.mutualchain.ledger.state;

import io.mutualchain.core.bytes.Hex;
import java.util.Map;
import java.util.TreeMap;

/** The tree's storage in a map, for tests: applies an update's writes the way the ledger's batch does. */
final class MemoryNodeStore implements NodeStore {
    /** Position key (hex) to encoded node (hex): strings, so that two stores compare by content. */
    final Map<String, String> entries = new TreeMap<>();

    @Override
    public SmtNode get(int depth, byte[] prefix) {
        String v = entries.get(Hex.encode(NodeStore.positionKey(depth, prefix)));
        return v == null ? null : SmtNodes.decode(Hex.decode(v));
    }

    byte[] apply(Map<byte[], byte[]> changes) {
        var ordered = SparseMerkleTree.newChangeMap();
        ordered.putAll(changes);
        SparseMerkleTree.Update u = SparseMerkleTree.update(this, ordered);
        for (var w : u.writes().entrySet()) {
            if (w.getValue() == null) {
                entries.remove(Hex.encode(w.getKey()));
            } else {
                entries.put(Hex.encode(w.getKey()), Hex.encode(SmtNodes.encode(w.getValue())));
            }
        }
        return u.root();
    }
}
