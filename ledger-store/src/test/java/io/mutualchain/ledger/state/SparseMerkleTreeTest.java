package io.mutualchain.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseMerkleTreeTest {

    static byte[] key(int i) {
        return Sha256.digest(("key-" + i).getBytes());
    }

    static byte[] value(int i) {
        return ("value-" + i).getBytes();
    }

    @Test
    void theEmptyTreeRootIsThirtyTwoZeroBytes() {
        byte[] e = new byte[32];
        assertThat(SparseMerkleTree.emptyRoot()).isEqualTo(e);
        assertThat(SparseMerkleTree.root(new MemoryNodeStore())).isEqualTo(e);
    }

    @Test
    void aTreeOfOneKeyHasTheLeafHashAsItsRootAndATreeOfTwoIsPinned() {
        // Pinned by hand from the definition, so that a change of scheme is noticed.
        byte[] k1 = new byte[32];
        byte[] k2 = new byte[32];
        k2[0] = (byte) 0x80;
        byte[] vh = Sha256.digest("v".getBytes());
        byte[] leaf1 = Sha256.digest(new byte[] {0}, k1, vh);
        byte[] leaf2 = Sha256.digest(new byte[] {0}, k2, vh);
        MemoryNodeStore store = new MemoryNodeStore();
        assertThat(store.apply(Map.of(k1, vh))).isEqualTo(leaf1);
        assertThat(store.apply(Map.of(k2, vh))).isEqualTo(Sha256.digest(new byte[] {1}, leaf1, leaf2));
        // Two keys that first differ at bit 9: nine inner nodes with an empty sibling each above them.
        byte[] k3 = new byte[32];
        k3[1] = 0x40;
        byte[] leaf3 = Sha256.digest(new byte[] {0}, k3, vh);
        MemoryNodeStore deep = new MemoryNodeStore();
        byte[] h = Sha256.digest(new byte[] {1}, leaf1, leaf3);
        for (int d = 8; d >= 0; d--) {
            h = Sha256.digest(new byte[] {1}, h, new byte[32]);
        }
        assertThat(deep.apply(Map.of(k1, vh, k3, vh))).isEqualTo(h);
        assertThat(Hex.encode(h)).isEqualTo(Hex.encode(ReferenceSmt.root(withAll(Map.of(k1, vh, k3, vh)))));
    }

    private static NavigableMap<byte[], byte[]> withAll(Map<byte[], byte[]> m) {
        NavigableMap<byte[], byte[]> out = SparseMerkleTree.newChangeMap();
        out.putAll(m);
        return out;
    }

    @Test
    void theRootMatchesTheDefinitionForASingleKeyAndForMany() {
        for (int n : new int[] {1, 2, 3, 17, 200}) {
            MemoryNodeStore store = new MemoryNodeStore();
            NavigableMap<byte[], byte[]> all = SparseMerkleTree.newChangeMap();
            for (int i = 0; i < n; i++) {
                all.put(key(i), SmtHashing.valueHash(value(i)));
            }
            assertThat(store.apply(all)).as("n=%d", n).isEqualTo(ReferenceSmt.root(all));
        }
    }

    @Test
    void theRootDoesNotDependOnInsertionOrderOrBatching() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ids.add(i);
        }
        MemoryNodeStore allAtOnce = new MemoryNodeStore();
        Map<byte[], byte[]> batch = new HashMap<>();
        for (int i : ids) {
            batch.put(key(i), SmtHashing.valueHash(value(i)));
        }
        byte[] expected = allAtOnce.apply(batch);

        Collections.shuffle(ids, new Random(7));
        MemoryNodeStore oneByOne = new MemoryNodeStore();
        byte[] root = null;
        for (int i : ids) {
            root = oneByOne.apply(Map.of(key(i), SmtHashing.valueHash(value(i))));
        }
        assertThat(root).isEqualTo(expected);
        assertThat(oneByOne.entries).isEqualTo(allAtOnce.entries);
    }

    @Test
    void removingEveryKeyGivesBackTheEmptyTreeAndStoresNothing() {
        MemoryNodeStore store = new MemoryNodeStore();
        Map<byte[], byte[]> add = new HashMap<>();
        Map<byte[], byte[]> remove = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            add.put(key(i), SmtHashing.valueHash(value(i)));
            remove.put(key(i), null);
        }
        store.apply(add);
        assertThat(store.entries).isNotEmpty();
        assertThat(store.apply(remove)).isEqualTo(SparseMerkleTree.emptyRoot());
        assertThat(store.entries).isEmpty();
    }

    @Test
    void removingAnAbsentKeyChangesNothing() {
        MemoryNodeStore store = new MemoryNodeStore();
        byte[] root = store.apply(Map.of(key(1), SmtHashing.valueHash(value(1)), key(2), SmtHashing.valueHash(value(2))));
        Map<String, String> before = Map.copyOf(store.entries);
        Map<byte[], byte[]> removeAbsent = new HashMap<>();
        removeAbsent.put(key(3), null);
        assertThat(store.apply(removeAbsent)).isEqualTo(root);
        assertThat(store.entries).isEqualTo(before);
    }

    @Test
    void proofsOfPresentAndAbsentKeysVerify() {
        MemoryNodeStore store = new MemoryNodeStore();
        Map<byte[], byte[]> add = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            add.put(key(i), SmtHashing.valueHash(value(i)));
        }
        Hash32 root = Hash32.of(store.apply(add));
        for (int i = 0; i < 50; i++) {
            StateProof p = proof(store, key(i));
            assertThat(p.verify(root, Optional.of(value(i)))).as("member %d", i).isTrue();
            assertThat(p.verify(root, Optional.empty())).as("member %d claimed absent", i).isFalse();
        }
        for (int i = 50; i < 80; i++) {
            StateProof p = proof(store, key(i));
            assertThat(p.verify(root, Optional.empty())).as("absent %d", i).isTrue();
            assertThat(p.verify(root, Optional.of(value(i)))).as("absent %d claimed present", i).isFalse();
        }
    }

    @Test
    void aProofForAChangedValueOrATamperedSiblingFails() {
        MemoryNodeStore store = new MemoryNodeStore();
        Map<byte[], byte[]> add = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            add.put(key(i), SmtHashing.valueHash(value(i)));
        }
        Hash32 root = Hash32.of(store.apply(add));
        StateProof p = proof(store, key(3));
        assertThat(p.verify(root, Optional.of(value(3)))).isTrue();
        assertThat(p.verify(root, Optional.of(value(4)))).isFalse();

        assertThat(p.siblings()).isNotEmpty();
        for (int d = 0; d < p.siblings().size(); d++) {
            List<Hash32> tampered = new ArrayList<>(p.siblings());
            byte[] s = tampered.get(d).toBytes();
            s[31] ^= 1;
            tampered.set(d, Hash32.of(s));
            assertThat(new StateProof(p.key(), tampered, p.terminal()).verify(root, Optional.of(value(3)))).as("sibling %d", d).isFalse();
        }
        byte[] otherKey = key(3);
        otherKey[0] ^= (byte) 0x80;
        assertThat(new StateProof(Hash32.of(otherKey), p.siblings(), p.terminal()).verify(root, Optional.of(value(3)))).isFalse();
        List<Hash32> shorter = p.siblings().subList(1, p.siblings().size());
        assertThat(new StateProof(p.key(), shorter, p.terminal()).verify(root, Optional.of(value(3)))).as("a dropped level").isFalse();
        byte[] otherRoot = root.toBytes();
        otherRoot[0] ^= 1;
        assertThat(p.verify(Hash32.of(otherRoot), Optional.of(value(3)))).isFalse();
    }

    @Test
    void aProofAgainstAnOlderRootFailsOnceTheValueChanged() {
        MemoryNodeStore store = new MemoryNodeStore();
        Hash32 before = Hash32.of(store.apply(Map.of(key(1), SmtHashing.valueHash(value(1)), key(2), SmtHashing.valueHash(value(2)))));
        StateProof old = proof(store, key(1));
        Hash32 after = Hash32.of(store.apply(Map.of(key(1), SmtHashing.valueHash(value(9)))));
        assertThat(old.verify(before, Optional.of(value(1)))).isTrue();
        assertThat(old.verify(after, Optional.of(value(1)))).isFalse();
        assertThat(proof(store, key(1)).verify(after, Optional.of(value(9)))).isTrue();
    }

    @Test
    void aProofSurvivesItsEncodingAndTheEncodingIsShort() {
        MemoryNodeStore store = new MemoryNodeStore();
        Map<byte[], byte[]> add = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            add.put(key(i), SmtHashing.valueHash(value(i)));
        }
        Hash32 root = Hash32.of(store.apply(add));
        StateProof p = proof(store, key(42));
        byte[] enc = p.encode();
        StateProof back = StateProof.decode(enc);
        assertThat(back).isEqualTo(p);
        assertThat(back.verify(root, Optional.of(value(42)))).isTrue();
        // about log2(100) non-empty siblings plus key and bitmap, instead of 256 hashes
        assertThat(enc.length).isLessThan(64 + 16 * 32);
    }

    @Test
    void theProofOfTheOnlyKeyHasOnlyEmptySiblings() {
        MemoryNodeStore store = new MemoryNodeStore();
        Hash32 root = Hash32.of(store.apply(Map.of(key(5), SmtHashing.valueHash(value(5)))));
        StateProof p = proof(store, key(5));
        assertThat(p.siblings()).isEmpty();
        assertThat(p.verify(root, Optional.of(value(5)))).isTrue();
        // key, count 0, no bitmap, terminal tag
        assertThat(p.encode()).hasSize(34);
    }

    @Test
    void absenceIsProvedBothWhereThePathEndsEmptyAndWhereItEndsAtAnotherKeysLeaf() {
        MemoryNodeStore store = new MemoryNodeStore();
        Map<byte[], byte[]> add = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            add.put(key(i), SmtHashing.valueHash(value(i)));
        }
        Hash32 root = Hash32.of(store.apply(add));
        boolean sawEmpty = false;
        boolean sawOther = false;
        for (int i = 30; i < 200; i++) {
            StateProof p = proof(store, key(i));
            assertThat(p.terminal().kind()).isNotEqualTo(StateProof.Terminal.Kind.SELF);
            assertThat(p.verify(root, Optional.empty())).as("absent %d", i).isTrue();
            sawEmpty |= p.terminal().kind() == StateProof.Terminal.Kind.EMPTY;
            if (p.terminal().kind() == StateProof.Terminal.Kind.OTHER) {
                sawOther = true;
                // The other leaf must really be on the path: a leaf elsewhere in the tree proves nothing.
                byte[] notOnPath = p.terminal().otherKey().toBytes();
                notOnPath[0] ^= (byte) 0x80;
                StateProof moved = new StateProof(p.key(), p.siblings(),
                        StateProof.Terminal.other(Hash32.of(notOnPath), p.terminal().otherValueHash()));
                assertThat(moved.verify(root, Optional.empty())).isFalse();
                // Nor may the "other" key be the key itself, which would turn a member into an absentee.
                StateProof self = new StateProof(p.key(), p.siblings(), StateProof.Terminal.other(p.key(), p.terminal().otherValueHash()));
                assertThat(self.verify(root, Optional.empty())).isFalse();
            }
        }
        assertThat(sawEmpty).as("some absent key ends at an empty subtree").isTrue();
        assertThat(sawOther).as("some absent key ends at another key's leaf").isTrue();
    }

    @Test
    void aMembersProofCannotBeTurnedIntoAnAbsenceProof() {
        MemoryNodeStore store = new MemoryNodeStore();
        Map<byte[], byte[]> add = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            add.put(key(i), SmtHashing.valueHash(value(i)));
        }
        Hash32 root = Hash32.of(store.apply(add));
        StateProof p = proof(store, key(7));
        assertThat(new StateProof(p.key(), p.siblings(), StateProof.Terminal.EMPTY).verify(root, Optional.empty())).isFalse();
        // Stopping one level early at the sibling's side, or claiming the parent is empty, fails too.
        List<Hash32> upper = p.siblings().subList(0, p.siblings().size() - 1);
        assertThat(new StateProof(p.key(), upper, StateProof.Terminal.EMPTY).verify(root, Optional.empty())).isFalse();
    }

    @Test
    void nonCanonicalProofEncodingsAreRefused() {
        MemoryNodeStore store = new MemoryNodeStore();
        Map<byte[], byte[]> add = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            add.put(key(i), SmtHashing.valueHash(value(i)));
        }
        store.apply(add);
        byte[] enc = proof(store, key(3)).encode();
        byte[] badTerminal = enc.clone();
        badTerminal[badTerminal.length - 1] = 7;
        assertThatThrownBy(() -> StateProof.decode(badTerminal)).isInstanceOf(io.mutualchain.core.codec.CodecException.class);
        byte[] trailing = java.util.Arrays.copyOf(enc, enc.length + 1);
        assertThatThrownBy(() -> StateProof.decode(trailing)).isInstanceOf(io.mutualchain.core.codec.CodecException.class);
        StateProof withEmptySibling = new StateProof(Hash32.of(key(3)), List.of(Hash32.of(new byte[32])), StateProof.Terminal.EMPTY);
        byte[] e = withEmptySibling.encode();
        // Force the bitmap bit of the empty sibling on and insert the zero hash: refused, the encoding is unique.
        byte[] forced = new byte[e.length + 32];
        System.arraycopy(e, 0, forced, 0, 34);
        forced[34] = (byte) 0x80;
        System.arraycopy(e, 35, forced, 67, e.length - 35);
        assertThatThrownBy(() -> StateProof.decode(forced)).isInstanceOf(io.mutualchain.core.codec.CodecException.class);
    }

    static StateProof proof(NodeStore store, byte[] key) {
        return SparseMerkleTree.prove(store, key);
    }
}
