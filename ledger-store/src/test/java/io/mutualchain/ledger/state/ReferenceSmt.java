package io.mutualchain.ledger.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A deliberately naive root computation straight from the definition: the hash of a key set at a
 * depth is EMPTY for none, the leaf hash for one, and otherwise the node hash of the two halves split
 * by the bit at that depth. Independent of the stored form and of the incremental update, so the real
 * tree is checked against the definition rather than against itself.
 */
final class ReferenceSmt {
    private ReferenceSmt() {
    }

    static byte[] root(NavigableMap<byte[], byte[]> keyToValueHash) {
        return hash(0, new ArrayList<>(keyToValueHash.entrySet()));
    }

    private static byte[] hash(int depth, List<Map.Entry<byte[], byte[]>> keys) {
        if (keys.isEmpty()) {
            return new byte[32];
        }
        if (keys.size() == 1) {
            return SmtHashing.leaf(keys.get(0).getKey(), keys.get(0).getValue());
        }
        List<Map.Entry<byte[], byte[]>> left = new ArrayList<>();
        List<Map.Entry<byte[], byte[]>> right = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : keys) {
            (SmtHashing.bit(e.getKey(), depth) == 0 ? left : right).add(e);
        }
        return SmtHashing.node(hash(depth + 1, left), hash(depth + 1, right));
    }
}
