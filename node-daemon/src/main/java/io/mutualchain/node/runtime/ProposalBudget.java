package io.mutualchain.node.runtime;

/**
 * How many transactions this node puts in one proposal. The chain's {@code maxBlockTxs} is what a
 * block may hold; this is what this node should propose so that its block commits well inside the
 * consensus timers. A block that takes its backups longer to receive than the block-time rule's
 * message delay is refused as untimely, and one that does not commit within the view-change timeout
 * replaces the primary, although nothing is faulty: on a busy machine, a backlog of thousands of
 * transactions in one block did exactly that (issue 12). The budget learns the cluster's cost per
 * transaction from this node's own proposals (proposal to commit, seen here) and sizes the next one
 * to commit within {@code targetMs}; it reacts at once when blocks get slower and relaxes gradually
 * when they get faster.
 *
 * <p>Local and advisory: no consensus rule depends on it, and a backup validates any block up to
 * the chain's limits whatever its own budget. Updated on the consensus thread; {@link #maxTxs} may also be read by the metrics server.
 */
final class ProposalBudget {
    /** Proposal size until a cost has been measured. */
    static final int INITIAL_TXS = 1_000;
    /** Never fewer than this, so per-block costs cannot shrink blocks into a crawl. */
    static final int MIN_TXS = 200;
    /** Blocks smaller than this are dominated by per-block costs and teach nothing about cost per transaction. */
    static final int MIN_SAMPLE_TXS = 100;
    /** Bounds of the time a proposal should take to commit. */
    static final long MIN_TARGET_MS = 100;
    static final long MAX_TARGET_MS = 5_000;
    /** The target as a fraction of the block-time rule's message delay (3,000 ms by default: a 1 s target). */
    static final int TARGET_PER_MESSAGE_DELAY = 3;

    private final long targetMs;
    private final int chainMaxTxs;
    /** Moving estimate of microseconds from proposal to commit per transaction; 0 until measured. */
    private volatile long microsPerTx;
    private long proposedHeight = -1;
    private long proposedAtMs;
    private int proposedTxs;

    ProposalBudget(long messageDelayMs, int chainMaxTxs) {
        this.targetMs = Math.max(MIN_TARGET_MS, Math.min(MAX_TARGET_MS, messageDelayMs / TARGET_PER_MESSAGE_DELAY));
        this.chainMaxTxs = chainMaxTxs;
    }

    /** The most transactions the next proposal should carry. */
    int maxTxs() {
        long n = microsPerTx == 0 ? INITIAL_TXS : targetMs * 1_000 / microsPerTx;
        return (int) Math.min(chainMaxTxs, Math.max(Math.min(MIN_TXS, chainMaxTxs), n));
    }

    /** This node proposed a block of {@code txs} transactions at {@code height}. */
    void proposed(long height, int txs, long nowMs) {
        proposedHeight = height;
        proposedAtMs = nowMs;
        proposedTxs = txs;
    }

    /** The block at {@code height} committed here; learns from it if it was this node's last proposal. */
    void committed(long height, long nowMs) {
        if (height != proposedHeight) {
            return;
        }
        proposedHeight = -1;
        if (proposedTxs < MIN_SAMPLE_TXS) {
            return;
        }
        long sample = Math.max(1, (nowMs - proposedAtMs) * 1_000 / proposedTxs);
        microsPerTx = microsPerTx == 0 || sample > microsPerTx ? sample : (3 * microsPerTx + sample) / 4;
    }

    /** The target time from proposal to commit. */
    long targetMs() {
        return targetMs;
    }
}
