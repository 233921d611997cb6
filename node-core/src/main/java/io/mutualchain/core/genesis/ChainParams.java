package io.mutualchain.core.genesis;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;

/**
 * Parameters that every node of a chain must share, fixed in genesis.
 *
 * @param baseFee            fee in base units that every transaction pays to the block's proposer
 * @param maxTxBytes         largest encoded transaction accepted
 * @param maxBlockTxs        most transactions in one block
 * @param maxBlockBytes      largest encoded block
 * @param checkpointInterval K: a checkpoint every K blocks
 * @param watermarkWindow    L: heights in flight at once (h, h + L]
 * @param gasPrice           base units of MTN a contract transaction pays per unit of gas used, on top of the base fee
 * @param blockGasLimit      most gas the contract transactions of one block may declare together (the sum of their gas
 *                           limits, not of what they end up using), so that a block's execution time is bounded before it
 *                           runs; other kinds of transaction use no gas and are bounded by {@code maxBlockTxs}
 * @param clockPrecisionMs   PRECISION of the block-time rule: how far apart honest validators' clocks may be
 * @param messageDelayMs     MSGDELAY of the block-time rule: how long a proposal may take from the primary to a
 *                           validator's engine (network, queues, a busy CPU). A validator votes for a new
 *                           proposal stamped t, first seen at local time r, only if
 *                           {@code r - (clockPrecisionMs + messageDelayMs) <= t <= r + clockPrecisionMs}
 *                           (docs/consensus.md, "Block time")
 */
public record ChainParams(long baseFee, int maxTxBytes, int maxBlockTxs, int maxBlockBytes,
                          int checkpointInterval, int watermarkWindow, long gasPrice, long blockGasLimit,
                          int clockPrecisionMs, int messageDelayMs) {
    /** One base unit per gas: a contract call of 100,000 gas costs 0.001 MTN on top of the base fee. */
    public static final long DEFAULT_GAS_PRICE = 1L;
    /** Bounds the price so that gas limit times price can never overflow (see {@code ContractDeploy.GAS_LIMIT_MAX}). */
    public static final long GAS_PRICE_MAX = 1_000_000L;
    /**
     * Two calls at the largest gas limit a transaction may ask for ({@code ContractDeploy.GAS_LIMIT_MAX}), or
     * two hundred of 100,000 gas. A block full of the slowest code measured (an infinite loop: 3 to 5 ns per
     * gas on a 2-core machine shared with other builds) runs in under 100 ms, and a validator runs it twice
     * (validation, commit): far inside the first view-change timeout (2 s or more). See docs/ledger.md
     * "Block gas limit" for the measurement.
     */
    public static final long DEFAULT_BLOCK_GAS_LIMIT = 20_000_000L;
    /** Above this a block could run for minutes on any machine; a genesis asking for more is refused. */
    public static final long BLOCK_GAS_LIMIT_MAX = 10_000_000_000L;
    /**
     * 500 ms: NTP keeps servers within tens of milliseconds of each other; 500 ms still admits a
     * clock that syncs badly, and is well below anything a person or a contract term can exploit.
     */
    public static final int DEFAULT_CLOCK_PRECISION_MS = 500;
    /**
     * 3 s: a proposal on a busy 2-core machine can wait behind a block's execution and the inbound
     * queue for a second or more, and a WAN adds hundreds of milliseconds. Larger only lets a slow
     * primary's time lag further behind; smaller makes honest proposals untimely under load.
     */
    public static final int DEFAULT_MESSAGE_DELAY_MS = 3_000;
    /** Upper bound of both time parameters: one hour. */
    public static final int MAX_TIME_PARAM_MS = 3_600_000;
    public static final ChainParams DEFAULT = new ChainParams(10_000L, 64 * 1024, 5_000, 8 * 1024 * 1024, 100, 200, DEFAULT_GAS_PRICE,
            DEFAULT_BLOCK_GAS_LIMIT, DEFAULT_CLOCK_PRECISION_MS, DEFAULT_MESSAGE_DELAY_MS);

    /** Parameters with the default gas price, block gas limit and block-time window, for chains and tests that predate them. */
    public ChainParams(long baseFee, int maxTxBytes, int maxBlockTxs, int maxBlockBytes, int checkpointInterval, int watermarkWindow) {
        this(baseFee, maxTxBytes, maxBlockTxs, maxBlockBytes, checkpointInterval, watermarkWindow, DEFAULT_GAS_PRICE, DEFAULT_BLOCK_GAS_LIMIT,
                DEFAULT_CLOCK_PRECISION_MS, DEFAULT_MESSAGE_DELAY_MS);
    }

    /** These parameters with another block gas limit. */
    public ChainParams withBlockGasLimit(long limit) {
        return new ChainParams(baseFee, maxTxBytes, maxBlockTxs, maxBlockBytes, checkpointInterval, watermarkWindow, gasPrice, limit,
                clockPrecisionMs, messageDelayMs);
    }

    public ChainParams {
        if (blockGasLimit < 1 || blockGasLimit > BLOCK_GAS_LIMIT_MAX) {
            throw new IllegalArgumentException("blockGasLimit must be between 1 and " + BLOCK_GAS_LIMIT_MAX + " gas");
        }
        if (clockPrecisionMs < 1 || clockPrecisionMs > MAX_TIME_PARAM_MS) {
            throw new IllegalArgumentException("clockPrecisionMs must be between 1 and " + MAX_TIME_PARAM_MS);
        }
        if (messageDelayMs < 0 || messageDelayMs > MAX_TIME_PARAM_MS) {
            throw new IllegalArgumentException("messageDelayMs must be between 0 and " + MAX_TIME_PARAM_MS);
        }
        if (gasPrice < 0 || gasPrice > GAS_PRICE_MAX) {
            throw new IllegalArgumentException("gasPrice must be between 0 and " + GAS_PRICE_MAX + " base units per gas");
        }
        if (baseFee < 0) {
            throw new IllegalArgumentException("baseFee must not be negative");
        }
        if (maxTxBytes < 256 || maxTxBytes > 1024 * 1024) {
            throw new IllegalArgumentException("maxTxBytes must be between 256 and 1048576");
        }
        if (maxBlockTxs < 1 || maxBlockTxs > 100_000) {
            throw new IllegalArgumentException("maxBlockTxs must be between 1 and 100000");
        }
        if (maxBlockBytes < maxTxBytes || maxBlockBytes > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("maxBlockBytes must be at least maxTxBytes and at most 64 MiB");
        }
        if (checkpointInterval < 1 || checkpointInterval > 100_000) {
            throw new IllegalArgumentException("checkpointInterval must be between 1 and 100000");
        }
        if (watermarkWindow < checkpointInterval || watermarkWindow > 1_000_000) {
            throw new IllegalArgumentException("watermarkWindow must be at least checkpointInterval");
        }
    }

    public void write(CanonicalWriter w) {
        w.uint(baseFee).uint(maxTxBytes).uint(maxBlockTxs).uint(maxBlockBytes).uint(checkpointInterval).uint(watermarkWindow).uint(gasPrice)
                .uint(blockGasLimit).uint(clockPrecisionMs).uint(messageDelayMs);
    }

    /** These parameters with another block-time window. */
    public ChainParams withBlockTime(int precisionMs, int delayMs) {
        return new ChainParams(baseFee, maxTxBytes, maxBlockTxs, maxBlockBytes, checkpointInterval, watermarkWindow, gasPrice,
                blockGasLimit, precisionMs, delayMs);
    }

    public static ChainParams read(CanonicalReader r) {
        return new ChainParams(r.uint("baseFee", Long.MAX_VALUE), r.uintAsInt("maxTxBytes", Integer.MAX_VALUE),
                r.uintAsInt("maxBlockTxs", Integer.MAX_VALUE), r.uintAsInt("maxBlockBytes", Integer.MAX_VALUE),
                r.uintAsInt("checkpointInterval", Integer.MAX_VALUE), r.uintAsInt("watermarkWindow", Integer.MAX_VALUE),
                r.uint("gasPrice", GAS_PRICE_MAX), r.uint("blockGasLimit", BLOCK_GAS_LIMIT_MAX),
                r.uintAsInt("clockPrecisionMs", MAX_TIME_PARAM_MS), r.uintAsInt("messageDelayMs", MAX_TIME_PARAM_MS));
    }
}
