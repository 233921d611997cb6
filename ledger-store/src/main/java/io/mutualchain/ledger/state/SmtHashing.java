package io.mutualchain.ledger.state;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The hash functions of the state tree (see the package documentation for the exact scheme). Works on
 * raw 32-byte arrays with one reused digest per thread, because a block rehashes every node on the
 * paths of its touched keys and allocation per hash would dominate.
 */
public final class SmtHashing {
    /** Key length in bits: the deepest a path can go. */
    public static final int DEPTH = 256;
    public static final int HASH_BYTES = 32;
    static final byte LEAF_TAG = 0x00;
    static final byte NODE_TAG = 0x01;

    /** The hash of every empty subtree, at any depth: 32 zero bytes (no SHA-256 output is known to equal it). */
    private static final byte[] EMPTY = new byte[HASH_BYTES];

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    });

    private SmtHashing() {
    }

    /** The hash of an empty subtree; a copy, so callers may keep it. */
    public static byte[] emptyHash() {
        return EMPTY.clone();
    }

    static byte[] emptyHashShared() {
        return EMPTY;
    }

    public static boolean isEmptyHash(byte[] hash) {
        return Arrays.equals(EMPTY, hash);
    }

    /** SHA-256(0x00 || key || valueHash): the hash of a subtree holding exactly this one key, whatever its depth. */
    public static byte[] leaf(byte[] key, byte[] valueHash) {
        MessageDigest md = DIGEST.get();
        md.update(LEAF_TAG);
        md.update(key);
        md.update(valueHash);
        return md.digest();
    }

    /** SHA-256(0x01 || left || right): a subtree holding two keys or more. */
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

    /** Whether {@code a} and {@code b} agree on their first {@code bits} bits. */
    public static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int full = bits >>> 3;
        if (!Arrays.equals(a, 0, full, b, 0, full)) {
            return false;
        }
        int rest = bits & 7;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest);
        return (a[full] & mask) == (b[full] & mask);
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
