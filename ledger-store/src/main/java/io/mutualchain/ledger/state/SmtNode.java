package io.mutualchain.ledger.state;

/**
 * A stored node of the compact tree. Only two shapes are stored; an empty subtree is the absence of
 * an entry. A {@link Leaf} sits at the highest position where its key is alone in its subtree, so a
 * tree of n keys stores about 2n nodes instead of 256n; its {@code hash} is the full-depth hash of that
 * subtree (the leaf lifted through empty siblings), so the root is exactly that of the depth-256 tree.
 * Stored with {@link SmtNodes}.
 */
public sealed interface SmtNode {
    /** The hash of the subtree this node roots. */
    byte[] hash();

    /** A subtree with at least two keys. */
    record Branch(byte[] hash) implements SmtNode {
    }

    /** A subtree with exactly one key. */
    record Leaf(byte[] key, byte[] valueHash, byte[] hash) implements SmtNode {
    }
}
