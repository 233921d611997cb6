package io.mutualchain.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.Hash32;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SparseMerkleTreePropertyTest {
    /** Keys come from a small pool so that batches update and remove keys that exist, not only add. */
    static final int KEY_POOL = 24;

    record Op(int key, Integer value) {
    }

    @Provide
    Arbitrary<List<List<Op>>> batches() {
        Arbitrary<Op> op = Arbitraries.integers().between(0, KEY_POOL - 1)
                .flatMap(k -> Arbitraries.integers().between(0, 5).injectNull(0.3).map(v -> new Op(k, v)));
        return op.list().ofMaxSize(12).list().ofMinSize(1).ofMaxSize(8);
    }

    static byte[] poolKey(int i) {
        // Keys that share long prefixes exercise deep branches and leaf moves, not only the top levels.
        byte[] k = new byte[32];
        k[0] = (byte) (i & 0x3);
        k[31] = (byte) i;
        k[20] = (byte) (i >> 2);
        return k;
    }

    @Property(tries = 200)
    void incrementalUpdatesMatchTheDefinitionAndAFreshBuild(@ForAll("batches") List<List<Op>> batches) {
        MemoryNodeStore store = new MemoryNodeStore();
        Map<Integer, Integer> model = new HashMap<>();
        byte[] root = SparseMerkleTree.emptyRoot();
        for (List<Op> batch : batches) {
            Map<Integer, Integer> last = new HashMap<>();
            Map<Integer, Boolean> touched = new HashMap<>();
            for (Op o : batch) {
                last.put(o.key(), o.value());
                touched.put(o.key(), true);
            }
            Map<byte[], byte[]> changes = new HashMap<>();
            for (Integer k : touched.keySet()) {
                Integer v = last.get(k);
                changes.put(poolKey(k), v == null ? null : SmtHashing.valueHash(new byte[] {v.byteValue()}));
                if (v == null) {
                    model.remove(k);
                } else {
                    model.put(k, v);
                }
            }
            root = store.apply(changes);
        }
        NavigableMap<byte[], byte[]> all = SparseMerkleTree.newChangeMap();
        model.forEach((k, v) -> all.put(poolKey(k), SmtHashing.valueHash(new byte[] {v.byteValue()})));
        assertThat(root).isEqualTo(ReferenceSmt.root(all));
        MemoryNodeStore fresh = new MemoryNodeStore();
        fresh.apply(all);
        // The stored form is canonical: the same keys give the same entries whatever the history.
        assertThat(store.entries).isEqualTo(fresh.entries);
        for (int k = 0; k < KEY_POOL; k++) {
            Integer v = model.get(k);
            StateProof p = SparseMerkleTreeTest.proof(store, poolKey(k));
            Optional<byte[]> value = v == null ? Optional.empty() : Optional.of(new byte[] {v.byteValue()});
            assertThat(p.verify(Hash32.of(root), value)).as("key %d", k).isTrue();
        }
    }
}
