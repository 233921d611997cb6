package io.mutualchain.ledger.state;

import io.mutualchain.core.crypto.Hash32;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Batch updates and proofs over the compact depth-256 sparse Merkle tree (hashing in
 * {@link SmtHashing}, node shapes in {@link SmtNode}). A block's touched keys are applied in one pass
 * that visits only the paths of those keys, reads each committed node at most once and returns the
 * node writes for the caller to put into the same atomic batch as the rest of the block.
 */
public final class SparseMerkleTree {
    private SparseMerkleTree() {
    }

    /** The root of a tree with no keys: the empty-subtree hash. */
    public static byte[] emptyRoot() {
        return SmtHashing.emptyHash();
    }

    /** The root stored at depth 0, or the empty root. */
    public static byte[] root(NodeStore store) {
        SmtNode r = store.get(0, new byte[SmtHashing.HASH_BYTES]);
        return r == null ? emptyRoot() : r.hash().clone();
    }

    /**
     * The result of a batch update: the new root and the node writes, keyed by
     * {@link NodeStore#positionKey}; a null value deletes the position.
     */
    public record Update(byte[] root, NavigableMap<byte[], SmtNode> writes) {
    }

    /**
     * Applies {@code changes} (key to value hash, or to null to remove the key) to the committed tree
     * in {@code store}. Keys are 32 bytes; the map must be ordered by unsigned byte comparison
     * (use {@link #newChangeMap()}). Nothing is written to the store.
     */
    public static Update update(NodeStore store, NavigableMap<byte[], byte[]> changes) {
        NavigableMap<byte[], SmtNode> writes = new TreeMap<>(Arrays::compareUnsigned);
        List<Map.Entry<byte[], byte[]>> list = new ArrayList<>(changes.entrySet());
        for (Map.Entry<byte[], byte[]> e : list) {
            if (e.getKey().length != SmtHashing.HASH_BYTES || (e.getValue() != null && e.getValue().length != SmtHashing.HASH_BYTES)) {
                throw new IllegalArgumentException("state tree keys and value hashes are 32 bytes");
            }
        }
        byte[] rootPrefix = new byte[SmtHashing.HASH_BYTES];
        SmtNode root = new Pass(store, writes).apply(0, rootPrefix, store.get(0, rootPrefix), list);
        return new Update(root == null ? emptyRoot() : root.hash(), Collections.unmodifiableNavigableMap(writes));
    }

    public static NavigableMap<byte[], byte[]> newChangeMap() {
        return new TreeMap<>(Arrays::compareUnsigned);
    }

    private static final class Pass {
        private final NodeStore store;
        private final NavigableMap<byte[], SmtNode> writes;

        Pass(NodeStore store, NavigableMap<byte[], SmtNode> writes) {
            this.store = store;
            this.writes = writes;
        }

        private void put(int depth, byte[] prefix, SmtNode node) {
            writes.put(NodeStore.positionKey(depth, prefix), node);
        }

        /** Applies sorted changes under (depth, prefix), whose committed node is {@code existing}; records writes for this position and below. */
        SmtNode apply(int depth, byte[] prefix, SmtNode existing, List<Map.Entry<byte[], byte[]>> changes) {
            if (changes.isEmpty()) {
                return existing;
            }
            SmtNode result;
            if (existing instanceof SmtNode.Branch) {
                result = applyToBranch(depth, prefix, changes);
            } else {
                // Below a leaf or an empty position nothing is stored, so the subtree is rebuilt from its keys.
                result = build(depth, prefix, keysAfter((SmtNode.Leaf) existing, changes));
            }
            if (result != null || existing != null) {
                put(depth, prefix, result);
            }
            return result;
        }

        private SmtNode applyToBranch(int depth, byte[] prefix, List<Map.Entry<byte[], byte[]>> changes) {
            int split = splitIndex(changes, depth);
            byte[] leftPrefix = prefix.clone();
            byte[] rightPrefix = childPrefix(prefix, depth);
            SmtNode left = store.get(depth + 1, leftPrefix);
            SmtNode right = store.get(depth + 1, rightPrefix);
            left = apply(depth + 1, leftPrefix, left, changes.subList(0, split));
            right = apply(depth + 1, rightPrefix, right, changes.subList(split, changes.size()));
            if (left == null && right == null) {
                return null;
            }
            // A lone leaf under an otherwise empty branch moves up (same hash), keeping the stored form canonical.
            if (left == null && right instanceof SmtNode.Leaf l) {
                put(depth + 1, rightPrefix, null);
                return l;
            }
            if (right == null && left instanceof SmtNode.Leaf l) {
                put(depth + 1, leftPrefix, null);
                return l;
            }
            return new SmtNode.Branch(SmtHashing.node(hashOf(left), hashOf(right)));
        }

        /** Builds a fresh subtree over sorted, present keys; records writes for the children it creates. */
        private SmtNode build(int depth, byte[] prefix, List<Map.Entry<byte[], byte[]>> keys) {
            if (keys.isEmpty()) {
                return null;
            }
            if (keys.size() == 1) {
                return SmtNode.Leaf.of(keys.get(0).getKey(), keys.get(0).getValue());
            }
            int split = splitIndex(keys, depth);
            byte[] rightPrefix = childPrefix(prefix, depth);
            SmtNode left = build(depth + 1, prefix, keys.subList(0, split));
            SmtNode right = build(depth + 1, rightPrefix, keys.subList(split, keys.size()));
            if (left != null) {
                put(depth + 1, prefix, left);
            }
            if (right != null) {
                put(depth + 1, rightPrefix, right);
            }
            return new SmtNode.Branch(SmtHashing.node(hashOf(left), hashOf(right)));
        }
    }

    /** The keys present in a leaf-or-empty subtree after the changes: the old leaf unless changed, plus every non-removal. */
    private static List<Map.Entry<byte[], byte[]>> keysAfter(SmtNode.Leaf old, List<Map.Entry<byte[], byte[]>> changes) {
        List<Map.Entry<byte[], byte[]>> out = new ArrayList<>(changes.size() + 1);
        boolean oldPending = old != null;
        for (Map.Entry<byte[], byte[]> c : changes) {
            if (oldPending) {
                int cmp = Arrays.compareUnsigned(old.key(), c.getKey());
                if (cmp < 0) {
                    out.add(Map.entry(old.key(), old.valueHash()));
                    oldPending = false;
                } else if (cmp == 0) {
                    oldPending = false;
                }
            }
            if (c.getValue() != null) {
                out.add(c);
            }
        }
        if (oldPending) {
            out.add(Map.entry(old.key(), old.valueHash()));
        }
        return out;
    }

    /** Index of the first key whose bit at {@code depth} is 1; keys are sorted, so all 0-bit keys come first. */
    private static int splitIndex(List<Map.Entry<byte[], byte[]>> sorted, int depth) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (SmtHashing.bit(sorted.get(mid).getKey(), depth) == 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static byte[] childPrefix(byte[] prefix, int depth) {
        byte[] p = prefix.clone();
        p[depth >>> 3] |= (byte) (0x80 >>> (depth & 7));
        return p;
    }

    private static byte[] hashOf(SmtNode n) {
        return n == null ? SmtHashing.emptyHashShared() : n.hash();
    }

    /**
     * The proof for {@code key} in the committed tree: the siblings along its path from the root down
     * to where the path ends, and how it ends (the key's own leaf, another key's leaf, or an empty
     * subtree). Works for present and absent keys alike; reads one node per level plus its sibling.
     */
    public static StateProof prove(NodeStore store, byte[] key) {
        List<Hash32> siblings = new ArrayList<>();
        int depth = 0;
        SmtNode node = store.get(0, new byte[SmtHashing.HASH_BYTES]);
        while (node instanceof SmtNode.Branch) {
            siblings.add(Hash32.of(hashOf(store.get(depth + 1, SmtHashing.siblingPrefix(key, depth)))));
            node = store.get(depth + 1, SmtHashing.prefix(key, depth + 1));
            depth++;
        }
        StateProof.Terminal end;
        if (node == null) {
            end = StateProof.Terminal.EMPTY;
        } else {
            SmtNode.Leaf l = (SmtNode.Leaf) node;
            end = Arrays.equals(l.key(), key) ? StateProof.Terminal.SELF
                    : StateProof.Terminal.other(Hash32.of(l.key()), Hash32.of(l.valueHash()));
        }
        return new StateProof(Hash32.of(key), siblings, end);
    }
}
