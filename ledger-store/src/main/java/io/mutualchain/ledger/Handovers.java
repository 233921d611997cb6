package io.mutualchain.ledger;

import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.ledger.state.SparseMerkleTree;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.ledger.state.StateProof;
import io.mutualchain.ledger.store.Cf;
import io.mutualchain.ledger.store.Head;
import io.mutualchain.ledger.store.Keys;
import io.mutualchain.ledger.store.RocksLedgerDb;
import io.mutualchain.ledger.store.TreeNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes, stores and reads the {@link EpochHandover} records. A record can only be taken while the
 * state after block {@code base - 1} is the latest (the tree is updated in place), so the ledger takes
 * it right after committing that block, in a second synced write after the block's own batch.
 *
 * <p>The crash window between the two writes: a node that restarts with its tip still at
 * {@code base - 1} takes the record again on open ({@link #checkOnOpen}); one that is already past
 * it cannot, so the record is missing on that node only, which is logged once at open and reported
 * by {@link Ledger#missingHandovers()}; every other node that committed the block has it.
 */
final class Handovers {
    private static final Logger LOG = LoggerFactory.getLogger(Handovers.class);

    private Handovers() {
    }

    /** Whether committing up to {@code height} with {@code schedule} after it calls for the record of the next epoch. */
    static boolean due(long height, ValidatorSchedule schedule) {
        return schedule.pending().isPresent() && schedule.pending().get().base() == height + 1;
    }

    /**
     * Takes the record for {@code base} from the latest state, which must be the state after block
     * {@code base - 1} with an epoch pending from {@code base}, and writes it synced.
     */
    static EpochHandover take(RocksLedgerDb db, long base) throws LedgerException {
        EpochHandover h = db.withSnapshot(r -> {
            Head head = Head.decode(r.get(Cf.META, Keys.META_HEAD));
            byte[] value = r.get(Cf.STATE, StateKeys.validatorsKey());
            if (head.height() != base - 1 || value == null || !due(head.height(), ValidatorSchedule.decode(value))) {
                throw new IllegalStateException("the hand-over to epoch " + base + " is taken from the state after block " + (base - 1)
                        + " with that epoch pending; the latest state is after block " + head.height());
            }
            StateProof proof = SparseMerkleTree.prove(TreeNodes.reading(r), StateKeys.treeKey(StateKeys.validatorsKey()).toBytes());
            return new EpochHandover(base, head.stateRoot(), value, proof);
        });
        db.writeSynced(b -> b.put(Cf.META, Keys.handover(base), h.encode()));
        return h;
    }

    static Optional<EpochHandover> read(RocksLedgerDb db, long base) {
        byte[] v = db.get(Cf.META, Keys.handover(base));
        return v == null ? Optional.empty() : Optional.of(EpochHandover.decode(v));
    }

    /** Bases of the stored records, oldest first (the keys are big-endian heights, so key order is height order). */
    static List<Long> bases(RocksLedgerDb db) {
        List<Long> out = new ArrayList<>();
        db.scan(Cf.META, (k, v) -> {
            if (Keys.isHandoverKey(k)) {
                out.add(Keys.heightSuffix(k));
            }
        });
        return List.copyOf(out);
    }

    /**
     * At open: every epoch after genesis that has started, and the pending one once its block
     * {@code base - 1} is committed, should have a record. Takes the record again when the tip is at
     * {@code base - 1} (the crash window); returns the bases still missing, each logged once.
     */
    static List<Long> checkOnOpen(RocksLedgerDb db, Head head, ValidatorSchedule schedule, List<ValidatorEpoch> epochs)
            throws LedgerException {
        List<Long> expected = new ArrayList<>();
        for (ValidatorEpoch e : epochs) {
            if (e.base() > 0) {
                expected.add(e.base());
            }
        }
        schedule.pending().filter(p -> head.height() >= p.base() - 1).ifPresent(p -> expected.add(p.base()));
        List<Long> missing = new ArrayList<>();
        for (long base : expected) {
            if (db.get(Cf.META, Keys.handover(base)) != null) {
                continue;
            }
            if (head.height() == base - 1) {
                EpochHandover h = take(db, base);
                LOG.info("took the validator hand-over record for epoch {} again (state root {}); the node stopped before writing it",
                        base, h.stateRoot());
                continue;
            }
            LOG.warn("this node has no hand-over record for validator epoch {} (it stopped between committing block {} and writing the "
                    + "record); clients that need it can fetch it from another node", base, base - 1);
            missing.add(base);
        }
        return List.copyOf(missing);
    }

}
