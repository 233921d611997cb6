package io.mutualchain.ledger.state;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The hash functions of the state tree (see the package documentation for the exact scheme). Works on
 * raw 32-byte arrays with one reused digest per thread, because a block rehashes about 256 nodes per
 * touched account and allocation per hash would dominate.
 */
public final class SmtHashing {
    /** Key length in bits: the tree's depth. */
    public static final int DEPTH = 256;
    public static final int HASH_BYTES = 32;
    static final byte LEAF_TAG = 0x00;
    static final byte NODE_TAG = 0x01;

    /** DEFAULTS[d] is the hash of an empty subtree whose root is at depth d (0 = tree root, 256 = a leaf). */
    private static final byte[][] DEFAULTS = new byte[DEPTH + 1][];

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    });

    static {
        DEFAULTS[DEPTH] = new byte[HASH_BYTES];
        for (int d = DEPTH - 1; d >= 0; d--) {
            DEFAULTS[d] = node(DEFAULTS[d + 1], DEFAULTS[d + 1]);
        }
    }

    private SmtHashing() {
    }

    /** The hash of an empty subtree rooted at {@code depth}; a copy, so callers may keep it. */
    public static byte[] emptyHash(int depth) {
        return DEFAULTS[depth].clone();
    }

    static byte[] emptyHashShared(int depth) {
        return DEFAULTS[depth];
    }

    static boolean isEmptyHash(int depth, byte[] hash) {
        return Arrays.equals(DEFAULTS[depth], hash);
    }

    /** SHA-256(0x00 || key || valueHash). */
    public static byte[] leaf(byte[] key, byte[] valueHash) {
        MessageDigest md = DIGEST.get();
        md.update(LEAF_TAG);
        md.update(key);
        md.update(valueHash);
        return md.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest md = DIGEST.get();
        md.update(NODE_TAG);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** SHA-256(value): what a leaf commits to. */
    public static byte[] valueHash(byte[] value) {
        MessageDigest md = DIGEST.get();
        return md.digest(value);
    }

    /** Bit {@code index} of the key, most significant bit of byte 0 first: 0 goes left, 1 goes right. */
    public static int bit(byte[] key, int index) {
        return (key[index >>> 3] >>> (7 - (index & 7))) & 1;
    }

    /**
     * The hash of a subtree rooted at {@code depth} that holds exactly this one leaf: the leaf hash
     * carried up through empty siblings. Costs {@code 256 - depth} hashes.
     */
    public static byte[] lift(byte[] key, byte[] valueHash, int depth) {
        byte[] h = leaf(key, valueHash);
        for (int d = DEPTH - 1; d >= depth; d--) {
            h = bit(key, d) == 0 ? node(h, DEFAULTS[d + 1]) : node(DEFAULTS[d + 1], h);
        }
        return h;
    }

    /** The first {@code depth} bits of the key, the rest zero: the position of the depth-{@code depth} node on the key's path. */
    public static byte[] prefix(byte[] key, int depth) {
        byte[] p = new byte[HASH_BYTES];
        int full = depth >>> 3;
        System.arraycopy(key, 0, p, 0, full);
        int rest = depth & 7;
        if (rest != 0) {
            p[full] = (byte) (key[full] & (0xff << (8 - rest)));
        }
        return p;
    }

    /** The position of the other child: the key's prefix of length {@code depth + 1} with bit {@code depth} flipped. */
    static byte[] siblingPrefix(byte[] key, int depth) {
        byte[] p = prefix(key, depth + 1);
        p[depth >>> 3] ^= (byte) (0x80 >>> (depth & 7));
        return p;
    }
}
