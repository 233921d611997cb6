package io.mutualchain.ledger;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.ledger.store.Cf;
import io.mutualchain.ledger.store.RocksLedgerDb;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The column family the consensus engine persists into. The ledger does not read these records; it
 * only keeps them durable, each write one synced batch, so the engine's persist-before-send holds.
 */
final class ConsensusColumn {
    private final RocksLedgerDb db;

    ConsensusColumn(RocksLedgerDb db) {
        this.db = db;
    }

    /** See {@link Ledger#consensusWrite(List, List)}. */
    void write(List<Map.Entry<byte[], byte[]>> puts, List<byte[]> deletes) throws LedgerException {
        for (Map.Entry<byte[], byte[]> e : puts) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("consensus records need a key and a value; delete through the deletes list");
            }
        }
        db.writeSynced(batch -> {
            for (Map.Entry<byte[], byte[]> e : puts) {
                batch.put(Cf.CONSENSUS, e.getKey(), e.getValue());
            }
            for (byte[] k : deletes) {
                batch.delete(Cf.CONSENSUS, Objects.requireNonNull(k, "consensus delete key"));
            }
        });
    }

    /** See {@link Ledger#consensusEntries()}. */
    SortedMap<String, byte[]> entries() {
        SortedMap<String, byte[]> out = new TreeMap<>();
        db.scan(Cf.CONSENSUS, (k, v) -> out.put(Hex.encode(k), v));
        return out;
    }
}
