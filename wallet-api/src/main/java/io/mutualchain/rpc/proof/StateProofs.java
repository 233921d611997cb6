package io.mutualchain.rpc.proof;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The state tree's proof format and root computation, from the scheme in docs/ledger.md: leaf(k, v) =
 * SHA-256(0x00 || k || SHA-256(v)), node(l, r) = SHA-256(0x01 || l || r), an empty subtree is 32 zero
 * bytes, a subtree with one key is that key's leaf at any depth. A proof lists the siblings down the
 * key's path and how the path ends: the key's own leaf, another key's leaf, or empty.
 */
public final class StateProofs {
    static final int DEPTH = 256;
    private static final byte[] EMPTY = new byte[32];

    private StateProofs() {
    }

    /** How a key's path ends. */
    public enum End {
        EMPTY, SELF, OTHER
    }

    /** A decoded proof. {@code otherKey} and {@code otherValueHash} are set for {@link End#OTHER} only. */
    public record Decoded(Hash32 key, List<byte[]> siblings, End end, byte[] otherKey, byte[] otherValueHash) {
    }

    public static Decoded decode(byte[] encoded) {
        return Decoding.strict(encoded, "state proof", StateProofs::read);
    }

    private static Decoded read(CanonicalReader r) {
        Hash32 key = Hash32.read(r, "proof.key");
        int n = r.uintAsInt("proof.siblingCount", DEPTH);
        byte[] bitmap = r.fixed((n + 7) / 8, "proof.bitmap");
        List<byte[]> siblings = new ArrayList<>(n);
        for (int d = 0; d < bitmap.length * 8; d++) {
            boolean set = bit(bitmap, d) == 1;
            if (d >= n) {
                if (set) {
                    throw new CodecException("proof.bitmap: bit " + d + " set past the sibling count " + n);
                }
            } else if (set) {
                byte[] s = r.fixed(32, "proof.sibling");
                if (Arrays.equals(s, EMPTY)) {
                    throw new CodecException("proof.sibling " + d + ": an empty hash must be left out");
                }
                siblings.add(s);
            } else {
                siblings.add(EMPTY);
            }
        }
        int tag = r.u8("proof.terminal");
        return switch (tag) {
            case 0 -> new Decoded(key, siblings, End.EMPTY, null, null);
            case 1 -> new Decoded(key, siblings, End.SELF, null, null);
            case 2 -> new Decoded(key, siblings, End.OTHER, r.fixed(32, "proof.otherKey"), r.fixed(32, "proof.otherValueHash"));
            default -> throw new CodecException("proof.terminal: unknown terminal " + tag);
        };
    }

    /**
     * The root implied by {@code proof} for {@code value} (empty = absent), or empty when the proof
     * cannot show that at all (a value for a path that ends elsewhere, absence for the key's own leaf,
     * an "other" leaf that is the key itself or not on its path).
     */
    public static Optional<Hash32> impliedRoot(Decoded proof, Optional<byte[]> value) {
        byte[] k = proof.key().toBytes();
        byte[] h;
        if (value.isPresent()) {
            if (proof.end() != End.SELF) {
                return Optional.empty();
            }
            h = Sha256.digest(new byte[] {0}, k, Sha256.digest(value.get()));
        } else if (proof.end() == End.EMPTY) {
            h = EMPTY;
        } else if (proof.end() == End.OTHER) {
            if (Arrays.equals(proof.otherKey(), k) || !samePrefix(proof.otherKey(), k, proof.siblings().size())) {
                return Optional.empty();
            }
            h = Sha256.digest(new byte[] {0}, proof.otherKey(), proof.otherValueHash());
        } else {
            return Optional.empty();
        }
        for (int d = proof.siblings().size() - 1; d >= 0; d--) {
            byte[] s = proof.siblings().get(d);
            h = bit(k, d) == 0 ? Sha256.digest(new byte[] {1}, h, s) : Sha256.digest(new byte[] {1}, s, h);
        }
        return Optional.of(Hash32.of(h));
    }

    static int bit(byte[] b, int i) {
        return (b[i >>> 3] >>> (7 - (i & 7))) & 1;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        for (int i = 0; i < bits; i++) {
            if (bit(a, i) != bit(b, i)) {
                return false;
            }
        }
        return true;
    }
}
