package io.mutualchain.core.merkle;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import java.util.ArrayList;
import java.util.List;

/** Roots and inclusion proofs over an ordered list of leaves. */
public final class MerkleTree {
    /** The root of an empty list: SHA-256 of nothing, as in RFC 6962. */
    public static final Hash32 EMPTY_ROOT = Sha256.hash(new byte[0]);
    private static final byte[] LEAF = {0};
    private static final byte[] NODE = {1};

    private MerkleTree() {
    }

    public static Hash32 leafHash(byte[] data) {
        return Sha256.hash(LEAF, data);
    }

    public static Hash32 nodeHash(Hash32 left, Hash32 right) {
        return Sha256.hash(NODE, left.toBytes(), right.toBytes());
    }

    public static Hash32 root(List<byte[]> leaves) {
        List<Hash32> hashes = new ArrayList<>(leaves.size());
        for (byte[] l : leaves) {
            hashes.add(leafHash(l));
        }
        return rootOfLeafHashes(hashes);
    }

    public static Hash32 rootOfLeafHashes(List<Hash32> leafHashes) {
        if (leafHashes.isEmpty()) {
            return EMPTY_ROOT;
        }
        return subtree(leafHashes, 0, leafHashes.size());
    }

    private static Hash32 subtree(List<Hash32> hashes, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return hashes.get(from);
        }
        int k = splitPoint(n);
        return nodeHash(subtree(hashes, from, from + k), subtree(hashes, from + k, to));
    }

    /** The largest power of two strictly less than n (n &ge; 2). */
    static int splitPoint(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** The audit path of leaf {@code index}, bottom-up. */
    public static MerkleProof prove(List<byte[]> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("leaf index " + index + " out of range for " + leaves.size() + " leaves");
        }
        List<Hash32> hashes = new ArrayList<>(leaves.size());
        for (byte[] l : leaves) {
            hashes.add(leafHash(l));
        }
        List<Hash32> path = new ArrayList<>();
        path(hashes, index, 0, hashes.size(), path);
        return new MerkleProof(index, leaves.size(), path);
    }

    private static void path(List<Hash32> hashes, int index, int from, int to, List<Hash32> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = splitPoint(n);
        if (index - from < k) {
            path(hashes, index, from, from + k, out);
            out.add(subtree(hashes, from + k, to));
        } else {
            path(hashes, index, from + k, to, out);
            out.add(subtree(hashes, from, from + k));
        }
    }
}
