package io.mutualchain.ledger.state;

/**
 * A stored node of the tree. Only two shapes are stored; an empty subtree is the absence of an
 * entry. A {@link Leaf} sits at the highest position where its key is alone in its subtree, and its
 * hash is {@code leaf(key, valueHash)} wherever it sits, so moving it up or down never rehashes it.
 * A tree of n keys stores about 2n nodes. Stored with {@link SmtNodes}.
 */
public sealed interface SmtNode {
    /** The hash of the subtree this node roots. */
    byte[] hash();

    /** A subtree with at least two keys. */
    record Branch(byte[] hash) implements SmtNode {
    }

    /** A subtree with exactly one key; {@code hash} is {@code leaf(key, valueHash)}, kept to save rehashing on read. */
    record Leaf(byte[] key, byte[] valueHash, byte[] hash) implements SmtNode {
        public static Leaf of(byte[] key, byte[] valueHash) {
            return new Leaf(key, valueHash, SmtHashing.leaf(key, valueHash));
        }
    }
}
