package io.mutualchain.ledger.state;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.codec.Decoding;

/**
 * Storage encoding of tree nodes (canonical codec): tag u8 (1 branch, 2 leaf), then for a branch its
 * 32-byte hash, for a leaf its 32-byte key, 32-byte value hash and 32-byte subtree hash.
 */
public final class SmtNodes {
    static final int BRANCH_TAG = 1;
    static final int LEAF_TAG = 2;

    private SmtNodes() {
    }

    public static byte[] encode(SmtNode n) {
        CanonicalWriter w = new CanonicalWriter(100);
        if (n instanceof SmtNode.Branch b) {
            w.u8(BRANCH_TAG).fixed(b.hash());
        } else if (n instanceof SmtNode.Leaf l) {
            w.u8(LEAF_TAG).fixed(l.key()).fixed(l.valueHash()).fixed(l.hash());
        }
        return w.toByteArray();
    }

    public static SmtNode decode(byte[] bytes) {
        return Decoding.strict(bytes, "state tree node", SmtNodes::read);
    }

    private static SmtNode read(CanonicalReader r) {
        int tag = r.u8("smt.tag");
        return switch (tag) {
            case BRANCH_TAG -> new SmtNode.Branch(r.fixed(SmtHashing.HASH_BYTES, "smt.branch.hash"));
            case LEAF_TAG -> new SmtNode.Leaf(r.fixed(SmtHashing.HASH_BYTES, "smt.leaf.key"),
                    r.fixed(SmtHashing.HASH_BYTES, "smt.leaf.valueHash"), r.fixed(SmtHashing.HASH_BYTES, "smt.leaf.hash"));
            default -> throw new CodecException("smt.tag: unknown node tag " + tag);
        };
    }
}
