package io.mutualchain.ledger.state;

/**
 * Where the tree reads its committed nodes. A position is a depth (0 to 256) and the key prefix of
 * that length (32 bytes, bits past the depth zero). Implementations return null for an empty subtree.
 */
@FunctionalInterface
public interface NodeStore {
    SmtNode get(int depth, byte[] prefix);

    /** The storage key of a position: depth as two big-endian bytes, then the 32-byte prefix. */
    static byte[] positionKey(int depth, byte[] prefix) {
        byte[] k = new byte[2 + SmtHashing.HASH_BYTES];
        k[0] = (byte) (depth >>> 8);
        k[1] = (byte) depth;
        System.arraycopy(prefix, 0, k, 2, SmtHashing.HASH_BYTES);
        return k;
    }
}
