package io.mutualchain.pbft.sim;

import io.mutualchain.pbft.PersistOp;
import io.mutualchain.pbft.drive.ConsensusStore;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One replica's store as its driver sees it: the replica's durable records ({@link SimNode#store},
 * {@link SimNode#signableThrough}, which survive crashes), behind writes and reads that fail when a
 * {@link StoreFault} strikes. A batch is atomic, as a RocksDB write batch is: a failed write leaves
 * nothing of it.
 */
final class FaultyStore implements ConsensusStore<RuntimeException> {
    private final SimNode node;
    private final StoreFaults faults;
    /** Set while the replica restarts: only then may a read fail. */
    boolean restarting;

    FaultyStore(SimNode node, StoreFaults faults) {
        this.node = node;
        this.faults = faults;
    }

    @Override
    public void persist(List<PersistOp> ops) {
        if (faults.strikes(StoreFault.WRITE_FAILS, node)) {
            throw new SimFault(StoreFault.WRITE_FAILS);
        }
        for (PersistOp op : ops) {
            if (op.isDelete()) {
                node.store.remove(op.key());
            } else {
                node.store.put(op.key(), op.value());
            }
        }
    }

    @Override
    public void coverSignableThrough(long height) {
        node.signableThrough = Math.max(node.signableThrough, height);
    }

    @Override
    public SortedMap<String, byte[]> records() {
        if (restarting && faults.strikes(StoreFault.READ_FAILS, node)) {
            throw new SimFault(StoreFault.READ_FAILS);
        }
        return new TreeMap<>(node.store);
    }

    /**
     * The broken adapter of {@code BrokenLoopTest}: this store, but a write that fails returns as if its
     * records were durable, so the loop carries on and sends what they were to protect.
     */
    ConsensusStore<RuntimeException> ignoringFailedWrites() {
        FaultyStore real = this;
        return new ConsensusStore<>() {
            @Override
            public void persist(List<PersistOp> ops) {
                try {
                    real.persist(ops);
                } catch (SimFault lost) {
                    // the breach under test: nothing of the batch is on disk, and the loop is not told
                }
            }

            @Override
            public void coverSignableThrough(long height) {
                real.coverSignableThrough(height);
            }

            @Override
            public SortedMap<String, byte[]> records() {
                return real.records();
            }
        };
    }
}
