package io.mutualchain.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

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
    void theEmptyTreeRootIsAFixedConstant() {
        // E[256] = 32 zero bytes, E[d] = SHA-256(0x01 || E[d+1] || E[d+1]); pinned so that a change of scheme is noticed.
        byte[] e = new byte[32];
        for (int d = 255; d >= 0; d--) {
            e = Sha256.digest(new byte[] {1}, e, e);
        }
        assertThat(SparseMerkleTree.emptyRoot()).isEqualTo(e);
        assertThat(Hex.encode(SparseMerkleTree.emptyRoot())).isEqualTo(Hex.encode(SmtHashing.emptyHash(0)));
        assertThat(SparseMerkleTree.root(new MemoryNodeStore())).isEqualTo(e);
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

        for (int d : new int[] {0, 1, 4, 100, 255}) {
            List<Hash32> tampered = new ArrayList<>(p.siblings());
            byte[] s = tampered.get(d).toBytes();
            s[31] ^= 1;
            tampered.set(d, Hash32.of(s));
            assertThat(StateProof.verify(root, p.key(), Optional.of(value(3)), tampered)).as("sibling %d", d).isFalse();
        }
        byte[] otherKey = key(3);
        otherKey[0] ^= (byte) 0x80;
        assertThat(StateProof.verify(root, Hash32.of(otherKey), Optional.of(value(3)), p.siblings())).isFalse();
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
        for (int d = 0; d < 256; d++) {
            assertThat(p.siblings().get(d).toBytes()).isEqualTo(SmtHashing.emptyHash(d + 1));
        }
        assertThat(p.verify(root, Optional.of(value(5)))).isTrue();
        assertThat(p.encode()).hasSize(64);
    }

    static StateProof proof(NodeStore store, byte[] key) {
        List<Hash32> s = new ArrayList<>();
        for (byte[] b : SparseMerkleTree.siblings(store, key)) {
            s.add(Hash32.of(b));
        }
        return new StateProof(Hash32.of(key), s);
    }
}
