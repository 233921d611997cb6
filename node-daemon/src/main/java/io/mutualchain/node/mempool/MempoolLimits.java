package io.mutualchain.node.mempool;

import io.mutualchain.core.tx.ContractDeploy;

/**
 * Bounds of the pool.
 *
 * @param maxTransactions  most transactions held at once (default 50,000)
 * @param maxPerSender     most pending transactions of one sender (default 1,000): one busy wallet cannot fill the pool
 * @param maxBytes         most encoded bytes held at once (default 64 MiB)
 * @param maxGasPerSender  most gas one sender's pending contract transactions may declare together (default 100,000,000:
 *                         ten calls at the largest gas limit, or a thousand of 100,000 gas), so that one account cannot
 *                         queue block after block of expensive calls ahead of everyone's contract work
 */
public record MempoolLimits(int maxTransactions, int maxPerSender, long maxBytes, long maxGasPerSender) {
    public static final long DEFAULT_MAX_GAS_PER_SENDER = 100_000_000L;
    public static final MempoolLimits DEFAULT = new MempoolLimits(50_000, 1_000, 64L * 1024 * 1024, DEFAULT_MAX_GAS_PER_SENDER);

    /** Limits with the default per-sender gas. */
    public MempoolLimits(int maxTransactions, int maxPerSender, long maxBytes) {
        this(maxTransactions, maxPerSender, maxBytes, DEFAULT_MAX_GAS_PER_SENDER);
    }

    public MempoolLimits {
        if (maxTransactions < 1 || maxPerSender < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("mempool limits must be positive");
        }
        if (maxGasPerSender < ContractDeploy.GAS_LIMIT_MAX) {
            throw new IllegalArgumentException("mempool maxGasPerSender must be at least " + ContractDeploy.GAS_LIMIT_MAX
                    + " (one transaction at the largest gas limit)");
        }
    }
}
