package io.mutualchain.node.runtime;

import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.pbft.PersistOp;
import io.mutualchain.pbft.drive.ConsensusStore;
import java.util.List;
import java.util.SortedMap;

/** The engine's records in the ledger's database (one synced batch per Ready) and the head marker's signable-through bound. */
final class LedgerConsensusStore implements ConsensusStore<LedgerException> {
    private final Ledger ledger;
    private final LoopActivity activity;

    LedgerConsensusStore(Ledger ledger, LoopActivity activity) {
        this.ledger = ledger;
        this.activity = activity;
    }

    @Override
    public void persist(List<PersistOp> ops) throws LedgerException {
        activity.now("persisting consensus records");
        ConsensusRecords.Batch batch = ConsensusRecords.coalesce(ops);
        ledger.consensusWrite(batch.puts(), batch.deletes());
    }

    @Override
    public void coverSignableThrough(long height) throws LedgerException {
        activity.now("recording the signable-through bound " + height);
        ledger.coverSignableThrough(height);
    }

    @Override
    public SortedMap<String, byte[]> records() {
        activity.now("reading consensus records");
        return ConsensusRecords.restore(ledger.consensusEntries());
    }
}
