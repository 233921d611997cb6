package io.mutualchain.ledger.state;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A proof that, under a state root, a state key holds a value (membership) or holds nothing
 * (non-membership). {@code siblings} has exactly 256 hashes, top-down: element d is the sibling of
 * the path node at depth d + 1. Verification needs nothing but this class: it recomputes the root
 * from the leaf (or the empty leaf) and the siblings, as described in the package documentation.
 *
 * <p>Encoding (canonical codec): key (32 bytes), a 32-byte bitmap in which bit d (most significant
 * bit of byte 0 first) says sibling d is not the empty-subtree hash, then those non-empty siblings in
 * order. Empty siblings are left out, which makes a proof in a tree of n keys about log2(n) hashes.
 *
 * @param key      the tree key: SHA-256 of the state key (see {@link StateKeys})
 * @param siblings 256 sibling hashes, top-down
 */
public record StateProof(Hash32 key, List<Hash32> siblings) {
    public StateProof {
        siblings = List.copyOf(siblings);
        if (siblings.size() != SmtHashing.DEPTH) {
            throw new IllegalArgumentException("a state proof has " + SmtHashing.DEPTH + " siblings, not " + siblings.size());
        }
    }

    /** Whether this proof shows that {@code key} holds {@code value} (or nothing, when empty) under {@code root}. */
    public boolean verify(Hash32 root, Optional<byte[]> value) {
        return verify(root, key, value, siblings);
    }

    /**
     * The verifier: recomputes the root from the leaf for {@code key} holding {@code value} (or the
     * empty leaf) and the 256 top-down siblings, and compares it with {@code root}.
     */
    public static boolean verify(Hash32 root, Hash32 key, Optional<byte[]> value, List<Hash32> siblings) {
        if (root == null || key == null || value == null || siblings == null || siblings.size() != SmtHashing.DEPTH) {
            return false;
        }
        for (Hash32 s : siblings) {
            if (s == null) {
                return false;
            }
        }
        return Arrays.equals(computeRoot(key, value.orElse(null), siblings), root.toBytes());
    }

    /** The root this proof implies for {@code value}; for diagnostics and for clients that compare roots themselves. */
    public Hash32 impliedRoot(Optional<byte[]> value) {
        return Hash32.of(computeRoot(key, value.orElse(null), siblings));
    }

    private static byte[] computeRoot(Hash32 key, byte[] valueOrNull, List<Hash32> siblings) {
        byte[] k = key.toBytes();
        byte[] h = valueOrNull != null
                ? SmtHashing.leaf(k, SmtHashing.valueHash(valueOrNull))
                : SmtHashing.emptyHash(SmtHashing.DEPTH);
        for (int d = SmtHashing.DEPTH - 1; d >= 0; d--) {
            byte[] s = siblings.get(d).toBytes();
            h = SmtHashing.bit(k, d) == 0 ? SmtHashing.node(h, s) : SmtHashing.node(s, h);
        }
        return h;
    }

    public byte[] encode() {
        byte[] bitmap = new byte[SmtHashing.DEPTH / 8];
        List<Hash32> present = new ArrayList<>();
        for (int d = 0; d < SmtHashing.DEPTH; d++) {
            if (!SmtHashing.isEmptyHash(d + 1, siblings.get(d).toBytes())) {
                bitmap[d >>> 3] |= (byte) (0x80 >>> (d & 7));
                present.add(siblings.get(d));
            }
        }
        CanonicalWriter w = new CanonicalWriter(64 + present.size() * Hash32.SIZE);
        key.write(w);
        w.fixed(bitmap);
        for (Hash32 s : present) {
            s.write(w);
        }
        return w.toByteArray();
    }

    public static StateProof decode(byte[] bytes) {
        return Decoding.strict(bytes, "state proof", StateProof::read);
    }

    private static StateProof read(CanonicalReader r) {
        Hash32 key = Hash32.read(r, "proof.key");
        byte[] bitmap = r.fixed(SmtHashing.DEPTH / 8, "proof.bitmap");
        List<Hash32> siblings = new ArrayList<>(SmtHashing.DEPTH);
        for (int d = 0; d < SmtHashing.DEPTH; d++) {
            if (SmtHashing.bit(bitmap, d) == 1) {
                Hash32 s = Hash32.read(r, "proof.sibling");
                if (SmtHashing.isEmptyHash(d + 1, s.toBytes())) {
                    throw new CodecException("proof.sibling " + d + ": an empty-subtree hash must be left out of the encoding");
                }
                siblings.add(s);
            } else {
                siblings.add(Hash32.of(SmtHashing.emptyHashShared(d + 1)));
            }
        }
        return new StateProof(key, siblings);
    }
}
