package io.mutualchain.ledger.store;

import io.mutualchain.ledger.state.NodeStore;
import io.mutualchain.ledger.state.SmtNode;
import io.mutualchain.ledger.state.SmtNodes;
import java.util.Map;
import java.util.NavigableMap;
import org.rocksdb.RocksDBException;

/** Binds the state tree to the state_tree column family. */
public final class TreeNodes {
    private TreeNodes() {
    }

    public static NodeStore reading(DbReader reader) {
        return (depth, prefix) -> {
            byte[] v = reader.get(Cf.STATE_TREE, NodeStore.positionKey(depth, prefix));
            return v == null ? null : SmtNodes.decode(v);
        };
    }

    public static void write(RocksLedgerDb.Batch batch, NavigableMap<byte[], SmtNode> writes) throws RocksDBException {
        for (Map.Entry<byte[], SmtNode> w : writes.entrySet()) {
            if (w.getValue() == null) {
                batch.delete(Cf.STATE_TREE, w.getKey());
            } else {
                batch.put(Cf.STATE_TREE, w.getKey(), SmtNodes.encode(w.getValue()));
            }
        }
    }
}
