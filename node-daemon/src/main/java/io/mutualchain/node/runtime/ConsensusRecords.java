package io.mutualchain.node.runtime;

import io.mutualchain.core.bytes.Hex;
import java.nio.charset.StandardCharsets;
import io.mutualchain.pbft.PersistOp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The engine names its persisted records with text keys; the ledger stores raw key bytes and lists
 * them hex-encoded. This turns the ledger's listing back into the engine's keys on restart, and turns
 * the engine's ordered persist operations into the ledger's one batch of puts and deletes.
 */
final class ConsensusRecords {
    private ConsensusRecords() {
    }

    static SortedMap<String, byte[]> restore(SortedMap<String, byte[]> hexKeyed) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : hexKeyed.entrySet()) {
            out.put(new String(Hex.decode(e.getKey()), StandardCharsets.UTF_8), e.getValue());
        }
        return out;
    }

    /** One batch for the ledger: puts and deletes of distinct keys. */
    record Batch(List<Map.Entry<byte[], byte[]>> puts, List<byte[]> deletes) {
    }

    /**
     * The engine's operations in order mean "the last operation on a key wins" (a record may be
     * deleted and written again in one {@code Ready}, e.g. the epoch marker when a new epoch starts).
     * The ledger's batch applies all puts before all deletes, so the operations are first reduced to
     * the last one per key; with distinct keys the batch's order no longer matters.
     */
    static Batch coalesce(List<PersistOp> ops) {
        Map<String, PersistOp> last = new LinkedHashMap<>();
        for (PersistOp op : ops) {
            last.remove(op.key());
            last.put(op.key(), op);
        }
        List<Map.Entry<byte[], byte[]>> puts = new ArrayList<>();
        List<byte[]> deletes = new ArrayList<>();
        for (PersistOp op : last.values()) {
            if (op.isDelete()) {
                deletes.add(op.keyBytes());
            } else {
                puts.add(Map.entry(op.keyBytes(), op.value()));
            }
        }
        return new Batch(puts, deletes);
    }
}
