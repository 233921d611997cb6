package io.mutualchain.ledger;

/**
 * What the last commit did and where its time went, for metrics and the benchmark. The durations are
 * measured around the commit and never feed back into state.
 *
 * @param height          the committed height
 * @param txCount         transactions in the block
 * @param failedTxs       of which failed (FAILED receipts)
 * @param accountsChanged accounts whose value changed
 * @param treeNodeWrites  state-tree node puts and deletes in the batch
 * @param executeNanos    executing the transactions on the scratch overlay
 * @param stateTreeNanos  updating the state tree (hashing and node reads)
 * @param writeNanos      building the batch and the synced RocksDB write
 */
public record CommitStats(long height, int txCount, int failedTxs, int accountsChanged, int treeNodeWrites,
                          long executeNanos, long stateTreeNanos, long writeNanos) {
    public long totalNanos() {
        return executeNanos + stateTreeNanos + writeNanos;
    }
}
