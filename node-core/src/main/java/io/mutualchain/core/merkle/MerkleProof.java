package io.mutualchain.core.merkle;

import io.mutualchain.core.crypto.Hash32;
import java.util.List;

/**
 * An inclusion proof: leaf {@code index} of a tree of {@code size} leaves, with the sibling hashes
 * from the bottom up. Verification recomputes the root (RFC 9162 section 2.1.3.2) and compares.
 */
public record MerkleProof(int index, int size, List<Hash32> path) {
    public MerkleProof {
        path = List.copyOf(path);
    }

    public boolean verify(byte[] leafData, Hash32 expectedRoot) {
        return verifyLeafHash(MerkleTree.leafHash(leafData), expectedRoot);
    }

    public boolean verifyLeafHash(Hash32 leafHash, Hash32 expectedRoot) {
        if (index < 0 || size <= 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1L;
        Hash32 r = leafHash;
        for (Hash32 p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.equals(expectedRoot);
    }
}
