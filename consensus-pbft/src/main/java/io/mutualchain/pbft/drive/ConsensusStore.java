package io.mutualchain.pbft.drive;

import io.mutualchain.pbft.PersistOp;
import java.util.List;
import java.util.SortedMap;

/**
 * Where the engine's records live (the daemon's ledger database; the simulator's store map).
 *
 * @param <X> what a failed read or write throws; the driver lets it escape, and its caller must then
 *            stop driving this node (the daemon halts, the simulator crashes the replica)
 */
public interface ConsensusStore<X extends Exception> {
    /** Writes {@code ops} durably (synced) as one atomic batch; a later op on the same key wins. */
    void persist(List<PersistOp> ops) throws X;

    /**
     * Records durably that this node may sign PBFT messages up to {@code height}, before any signed
     * message leaves: a store rebuilt from peers later keeps the node silent through it.
     */
    void coverSignableThrough(long height) throws X;

    /** Every engine record persisted and not deleted, by key, to restore an engine from. */
    SortedMap<String, byte[]> records() throws X;
}
