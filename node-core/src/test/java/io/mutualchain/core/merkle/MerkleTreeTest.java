package io.mutualchain.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.Hash32;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Roots and proofs against a naive RFC 6962 definition written here from the RFC text, with its own
 * SHA-256 calls, so a bug shared by MerkleTree and Sha256 cannot hide.
 */
class MerkleTreeTest {
    private static final int MAX_LEAVES = 33;

    // --- the naive reference (RFC 6962 section 2.1) ---

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The largest power of two strictly smaller than n, found by counting up. */
    private static int split(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    /** MTH(D[n]) of RFC 6962. */
    private static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            return sha256();
        }
        if (d.size() == 1) {
            return sha256(new byte[] {0}, d.get(0));
        }
        int k = split(d.size());
        return sha256(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    /** PATH(m, D[n]) of RFC 6962, bottom-up, each sibling with whether it sits on the left. */
    record Step(byte[] sibling, boolean left) {
    }

    private static List<Step> naivePath(int m, List<byte[]> d) {
        List<Step> out = new ArrayList<>();
        if (d.size() <= 1) {
            return out;
        }
        int k = split(d.size());
        if (m < k) {
            out.addAll(naivePath(m, d.subList(0, k)));
            out.add(new Step(mth(d.subList(k, d.size())), false));
        } else {
            out.addAll(naivePath(m - k, d.subList(k, d.size())));
            out.add(new Step(mth(d.subList(0, k)), true));
        }
        return out;
    }

    /** The left/right pattern of the audit path of leaf m in a tree of n leaves. */
    private static List<Boolean> shape(int m, int n) {
        List<Boolean> out = new ArrayList<>();
        if (n <= 1) {
            return out;
        }
        int k = split(n);
        if (m < k) {
            out.addAll(shape(m, k));
            out.add(false);
        } else {
            out.addAll(shape(m - k, n - k));
            out.add(true);
        }
        return out;
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(("leaf-" + i).getBytes(StandardCharsets.US_ASCII));
        }
        return out;
    }

    static IntStream sizes0to33() {
        return IntStream.rangeClosed(0, MAX_LEAVES);
    }

    static IntStream sizes1to33() {
        return IntStream.rangeClosed(1, MAX_LEAVES);
    }

    // --- roots ---

    @ParameterizedTest(name = "{0} leaves")
    @MethodSource("sizes0to33")
    void theRootEqualsTheNaiveRecursiveDefinition(int n) {
        assertThat(MerkleTree.root(leaves(n)).toBytes()).isEqualTo(mth(leaves(n)));
    }

    @Test
    void theRootOfABCIsTheGoldenValue() {
        byte[] a = sha256(new byte[] {0}, "a".getBytes(StandardCharsets.US_ASCII));
        byte[] b = sha256(new byte[] {0}, "b".getBytes(StandardCharsets.US_ASCII));
        byte[] c = sha256(new byte[] {0}, "c".getBytes(StandardCharsets.US_ASCII));
        byte[] expected = sha256(new byte[] {1}, sha256(new byte[] {1}, a, b), c);
        List<byte[]> abc = List.of("a".getBytes(StandardCharsets.US_ASCII), "b".getBytes(StandardCharsets.US_ASCII),
                "c".getBytes(StandardCharsets.US_ASCII));
        assertThat(MerkleTree.root(abc).toBytes()).isEqualTo(expected);
        // Pinned; computed independently with Python's hashlib when this test was written.
        assertThat(MerkleTree.root(abc).toHex()).isEqualTo("36642e73c2540ab121e3a6bf9545b0a24982cd830eb13d3cd19de3ce6c021ec1");
    }

    @Test
    void theEmptyRootIsTheSha256OfNothing() {
        assertThat(MerkleTree.root(List.of())).isEqualTo(MerkleTree.EMPTY_ROOT);
        assertThat(MerkleTree.EMPTY_ROOT.toHex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void repeatingTheLastLeafChangesTheRoot() {
        List<byte[]> three = leaves(3);
        List<byte[]> four = new ArrayList<>(three);
        four.add(three.get(2));
        assertThat(MerkleTree.root(four)).isNotEqualTo(MerkleTree.root(three));
    }

    @Test
    void aLeafHoldingTwoChildHashesDoesNotPassAsTheirParentNode() {
        List<byte[]> two = leaves(2);
        byte[] concatenated = new byte[64];
        System.arraycopy(MerkleTree.leafHash(two.get(0)).toBytes(), 0, concatenated, 0, 32);
        System.arraycopy(MerkleTree.leafHash(two.get(1)).toBytes(), 0, concatenated, 32, 32);
        assertThat(MerkleTree.root(List.of(concatenated))).isNotEqualTo(MerkleTree.root(two));
    }

    @Test
    void rootOfLeafHashesAgreesWithRootOfLeaves() {
        List<byte[]> l = leaves(7);
        assertThat(MerkleTree.rootOfLeafHashes(l.stream().map(MerkleTree::leafHash).toList())).isEqualTo(MerkleTree.root(l));
    }

    // --- proofs ---

    @ParameterizedTest(name = "{0} leaves")
    @MethodSource("sizes1to33")
    void everyProofOfEveryLeafIsTheRfcPathAndVerifies(int n) {
        List<byte[]> l = leaves(n);
        Hash32 root = MerkleTree.root(l);
        for (int i = 0; i < n; i++) {
            MerkleProof p = MerkleTree.prove(l, i);
            assertThat(p.index()).isEqualTo(i);
            assertThat(p.size()).isEqualTo(n);
            List<Step> expected = naivePath(i, l);
            assertThat(p.path().stream().map(Hash32::toHex).toList())
                    .isEqualTo(expected.stream().map(s -> Hex.encode(s.sibling())).toList());
            assertThat(expected.stream().map(Step::left).toList()).isEqualTo(shape(i, n));
            assertThat(p.verify(l.get(i), root)).as("leaf %d of %d", i, n).isTrue();
            assertThat(p.verifyLeafHash(MerkleTree.leafHash(l.get(i)), root)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} leaves")
    @MethodSource("sizes1to33")
    void aProofFailsForADifferentLeafOrAnotherRoot(int n) {
        List<byte[]> l = leaves(n);
        Hash32 root = MerkleTree.root(l);
        Hash32 otherRoot = MerkleTree.root(leaves(n + 1));
        for (int i = 0; i < n; i++) {
            MerkleProof p = MerkleTree.prove(l, i);
            assertThat(p.verify("not-a-leaf".getBytes(StandardCharsets.US_ASCII), root)).isFalse();
            assertThat(p.verify(l.get(i), otherRoot)).isFalse();
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    assertThat(p.verify(l.get(j), root)).as("leaf %d with the proof of %d", j, i).isFalse();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} leaves")
    @MethodSource("sizes1to33")
    void aProofFailsForADifferentIndex(int n) {
        List<byte[]> l = leaves(n);
        Hash32 root = MerkleTree.root(l);
        for (int i = 0; i < n; i++) {
            MerkleProof p = MerkleTree.prove(l, i);
            for (int j = -1; j <= n; j++) {
                if (j != i) {
                    assertThat(new MerkleProof(j, n, p.path()).verify(l.get(i), root)).as("leaf %d claimed at %d", i, j).isFalse();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} leaves")
    @MethodSource("sizes1to33")
    void aTruncatedOrExtendedPathFails(int n) {
        List<byte[]> l = leaves(n);
        Hash32 root = MerkleTree.root(l);
        for (int i = 0; i < n; i++) {
            List<Hash32> path = MerkleTree.prove(l, i).path();
            for (int cut = 0; cut < path.size(); cut++) {
                assertThat(new MerkleProof(i, n, path.subList(0, cut)).verify(l.get(i), root)).as("leaf %d, path cut to %d", i, cut)
                        .isFalse();
            }
            if (!path.isEmpty()) {
                assertThat(new MerkleProof(i, n, path.subList(1, path.size())).verify(l.get(i), root)).isFalse();
            }
            List<Hash32> longer = new ArrayList<>(path);
            longer.add(root);
            assertThat(new MerkleProof(i, n, longer).verify(l.get(i), root)).isFalse();
        }
    }

    /**
     * A wrong size fails whenever it changes the shape of the leaf's audit path. When the shape is the
     * same (leaf 0 of 3 vs of 4, say) the proof still proves a true statement about the subtree, and
     * RFC 9162 relies on the size being bound to the root elsewhere: here, the header's txCount. So
     * consumers must take the size from the header, never from the proof.
     */
    @ParameterizedTest(name = "{0} leaves")
    @MethodSource("sizes1to33")
    void aProofFailsForAWrongSizeThatChangesTheShapeOfItsPath(int n) {
        List<byte[]> l = leaves(n);
        Hash32 root = MerkleTree.root(l);
        int refused = 0;
        for (int i = 0; i < n; i++) {
            MerkleProof p = MerkleTree.prove(l, i);
            for (int m = 1; m <= MAX_LEAVES + 8; m++) {
                if (m == n) {
                    continue;
                }
                boolean sameShape = i < m && shape(i, m).equals(shape(i, n));
                boolean verifies = new MerkleProof(i, m, p.path()).verify(l.get(i), root);
                assertThat(verifies).as("leaf %d of %d claimed in a tree of %d", i, n, m).isEqualTo(sameShape);
                refused += verifies ? 0 : 1;
            }
        }
        assertThat(refused).isPositive();
        assertThat(new MerkleProof(0, 0, List.of()).verify(l.get(0), root)).isFalse();
    }

    @Test
    void provingAnIndexOutsideTheTreeIsRefused() {
        assertThatThrownBy(() -> MerkleTree.prove(leaves(3), 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leaf index 3 out of range for 3 leaves");
        assertThatThrownBy(() -> MerkleTree.prove(leaves(3), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.prove(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
