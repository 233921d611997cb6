package io.mutualchain.ledger.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A deliberately naive root computation straight from the definition: split the keys by bit at every
 * depth down to 256. Independent of the compact storage and of {@link SmtHashing#lift}, so the real
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
            return SmtHashing.emptyHash(depth);
        }
        if (depth == SmtHashing.DEPTH) {
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
