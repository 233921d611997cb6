package io.mutualchain.node.config;

import io.mutualchain.core.tx.ContractDeploy;

/**
 * Bounds on the read-only contract runs RPC callers ask for ({@code mc_call}, {@code mc_estimateGas}),
 * which are free for the caller and cost the node CPU. They never apply to block execution, which has
 * no wall-clock cutoff (every validator must reach the same outcome).
 *
 * @param gasMax    most gas one call may use (default 1,000,000; at most the largest transaction gas limit)
 * @param timeoutMs longest a caller waits for one run (default 1,000 ms); a run past it is answered with
 *                  an error while its worker finishes it, bounded by {@code gasMax}
 * @param workers   runs in progress at once (default 2); up to {@link #QUEUE_PER_WORKER} per worker wait,
 *                  more are refused as busy
 */
public record CallLimits(long gasMax, long timeoutMs, int workers) {
    public static final long DEFAULT_GAS_MAX = 1_000_000L;
    public static final long DEFAULT_TIMEOUT_MS = 1_000L;
    public static final int DEFAULT_WORKERS = 2;
    public static final int WORKERS_MAX = 64;
    public static final long TIMEOUT_MS_MAX = 60_000L;
    /** Calls that may wait for a worker, per worker. */
    public static final int QUEUE_PER_WORKER = 8;
    public static final CallLimits DEFAULT = new CallLimits(DEFAULT_GAS_MAX, DEFAULT_TIMEOUT_MS, DEFAULT_WORKERS);

    public CallLimits {
        if (gasMax < 1 || gasMax > ContractDeploy.GAS_LIMIT_MAX) {
            throw new IllegalArgumentException("rpc.callGasMax must be between 1 and " + ContractDeploy.GAS_LIMIT_MAX);
        }
        if (timeoutMs < 1 || timeoutMs > TIMEOUT_MS_MAX) {
            throw new IllegalArgumentException("rpc.callTimeoutMs must be between 1 and " + TIMEOUT_MS_MAX);
        }
        if (workers < 1 || workers > WORKERS_MAX) {
            throw new IllegalArgumentException("rpc.callWorkers must be between 1 and " + WORKERS_MAX);
        }
    }
}
