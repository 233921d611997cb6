package io.mutualchain.ledger.state;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A proof that, under a state root, a tree key holds a value (membership) or holds nothing
 * (non-membership). {@code siblings} are the hashes beside the key's path, top-down: element d is
 * the sibling of the path node at depth d + 1. The path ends after {@code siblings.size()} steps, at
 * the {@link Terminal}: the key's own leaf, the leaf of a different key that shares the path so far,
 * or an empty subtree. Verification needs nothing but this class (see the package documentation).
 *
 * <p>Encoding (canonical codec): key (32 bytes), sibling count (uint, at most 256), a bitmap of
 * ceil(count / 8) bytes in which bit d (most significant bit of byte 0 first) says sibling d is not
 * the empty hash (unused trailing bits zero), the non-empty siblings in order, then the terminal:
 * u8 0 (empty), 1 (the key's own leaf), or 2 followed by the other leaf's key and value hash.
 *
 * @param key      the tree key: SHA-256 of the state key (see {@link StateKeys})
 * @param siblings sibling hashes along the path, top-down, at most 256
 * @param terminal how the path ends
 */
public record StateProof(Hash32 key, List<Hash32> siblings, Terminal terminal) {
    /** How the key's path ends. {@code otherKey} and {@code otherValueHash} are set for {@link Kind#OTHER} only. */
    public record Terminal(Kind kind, Hash32 otherKey, Hash32 otherValueHash) {
        public static final Terminal EMPTY = new Terminal(Kind.EMPTY, null, null);
        public static final Terminal SELF = new Terminal(Kind.SELF, null, null);

        public enum Kind {
            /** An empty subtree: the key is absent. */
            EMPTY,
            /** The key's own leaf: the key is present; its value is what the verifier is given. */
            SELF,
            /** The leaf of another key: the subtree on the key's path holds only that other key, so the key is absent. */
            OTHER
        }

        public Terminal {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.OTHER) != (otherKey != null && otherValueHash != null)) {
                throw new IllegalArgumentException("only an OTHER terminal carries the other leaf's key and value hash");
            }
        }

        public static Terminal other(Hash32 key, Hash32 valueHash) {
            return new Terminal(Kind.OTHER, key, valueHash);
        }
    }

    public StateProof {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(terminal, "terminal");
        siblings = List.copyOf(siblings);
        if (siblings.size() > SmtHashing.DEPTH) {
            throw new IllegalArgumentException("a state proof has at most " + SmtHashing.DEPTH + " siblings, not " + siblings.size());
        }
    }

    /** Whether this proof shows that {@code key} holds {@code value} (or nothing, when empty) under {@code root}. */
    public boolean verify(Hash32 root, Optional<byte[]> value) {
        return impliedRoot(value).map(r -> r.equals(root)).orElse(false);
    }

    /**
     * The root this proof implies for {@code value}, or empty when the proof cannot show that value at
     * all (a value claimed for a path that ends empty or at another key, absence claimed for a path
     * that ends at the key's own leaf, another leaf that is not on the key's path).
     */
    public Optional<Hash32> impliedRoot(Optional<byte[]> value) {
        byte[] k = key.toBytes();
        byte[] h;
        if (value.isPresent()) {
            if (terminal.kind() != Terminal.Kind.SELF) {
                return Optional.empty();
            }
            h = SmtHashing.leaf(k, SmtHashing.valueHash(value.get()));
        } else if (terminal.kind() == Terminal.Kind.EMPTY) {
            h = SmtHashing.emptyHash();
        } else if (terminal.kind() == Terminal.Kind.OTHER) {
            byte[] other = terminal.otherKey().toBytes();
            if (Arrays.equals(other, k) || !SmtHashing.samePrefix(other, k, siblings.size())) {
                return Optional.empty();
            }
            h = SmtHashing.leaf(other, terminal.otherValueHash().toBytes());
        } else {
            return Optional.empty();
        }
        for (int d = siblings.size() - 1; d >= 0; d--) {
            byte[] s = siblings.get(d).toBytes();
            h = SmtHashing.bit(k, d) == 0 ? SmtHashing.node(h, s) : SmtHashing.node(s, h);
        }
        return Optional.of(Hash32.of(h));
    }

    public byte[] encode() {
        int n = siblings.size();
        byte[] bitmap = new byte[(n + 7) / 8];
        List<Hash32> present = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            if (!SmtHashing.isEmptyHash(siblings.get(d).toBytes())) {
                bitmap[d >>> 3] |= (byte) (0x80 >>> (d & 7));
                present.add(siblings.get(d));
            }
        }
        CanonicalWriter w = new CanonicalWriter(40 + bitmap.length + present.size() * Hash32.SIZE + 65);
        key.write(w);
        w.uint(n);
        w.fixed(bitmap);
        for (Hash32 s : present) {
            s.write(w);
        }
        w.u8(terminal.kind().ordinal());
        if (terminal.kind() == Terminal.Kind.OTHER) {
            terminal.otherKey().write(w);
            terminal.otherValueHash().write(w);
        }
        return w.toByteArray();
    }

    public static StateProof decode(byte[] bytes) {
        return Decoding.strict(bytes, "state proof", StateProof::read);
    }

    private static StateProof read(CanonicalReader r) {
        Hash32 key = Hash32.read(r, "proof.key");
        int n = r.uintAsInt("proof.siblingCount", SmtHashing.DEPTH);
        byte[] bitmap = r.fixed((n + 7) / 8, "proof.bitmap");
        List<Hash32> siblings = new ArrayList<>(n);
        for (int d = 0; d < bitmap.length * 8; d++) {
            if (d >= n) {
                if (SmtHashing.bit(bitmap, d) == 1) {
                    throw new CodecException("proof.bitmap: bit " + d + " is set past the sibling count " + n);
                }
            } else if (SmtHashing.bit(bitmap, d) == 1) {
                Hash32 s = Hash32.read(r, "proof.sibling");
                if (SmtHashing.isEmptyHash(s.toBytes())) {
                    throw new CodecException("proof.sibling " + d + ": an empty-subtree hash must be left out of the encoding");
                }
                siblings.add(s);
            } else {
                siblings.add(Hash32.of(SmtHashing.emptyHashShared()));
            }
        }
        int tag = r.u8("proof.terminal");
        Terminal end = switch (tag) {
            case 0 -> Terminal.EMPTY;
            case 1 -> Terminal.SELF;
            case 2 -> Terminal.other(Hash32.read(r, "proof.otherKey"), Hash32.read(r, "proof.otherValueHash"));
            default -> throw new CodecException("proof.terminal: unknown terminal " + tag);
        };
        return new StateProof(key, siblings, end);
    }
}
