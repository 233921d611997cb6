package io.mutualchain.node.mempool;

/**
 * Bounds of the pool.
 *
 * @param maxTransactions  most transactions held at once (default 50,000)
 * @param maxPerSender     most pending transactions of one sender (default 1,000): one busy wallet cannot fill the pool
 * @param maxBytes         most encoded bytes held at once (default 64 MiB)
 */
public record MempoolLimits(int maxTransactions, int maxPerSender, long maxBytes) {
    public static final MempoolLimits DEFAULT = new MempoolLimits(50_000, 1_000, 64L * 1024 * 1024);

    public MempoolLimits {
        if (maxTransactions < 1 || maxPerSender < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("mempool limits must be positive");
        }
    }
}
