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
 */
public record ChainParams(long baseFee, int maxTxBytes, int maxBlockTxs, int maxBlockBytes,
                          int checkpointInterval, int watermarkWindow) {
    public static final ChainParams DEFAULT = new ChainParams(10_000L, 64 * 1024, 5_000, 8 * 1024 * 1024, 100, 200);

    public ChainParams {
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
        w.uint(baseFee).uint(maxTxBytes).uint(maxBlockTxs).uint(maxBlockBytes).uint(checkpointInterval).uint(watermarkWindow);
    }

    public static ChainParams read(CanonicalReader r) {
        return new ChainParams(r.uint("baseFee", Long.MAX_VALUE), r.uintAsInt("maxTxBytes", Integer.MAX_VALUE),
                r.uintAsInt("maxBlockTxs", Integer.MAX_VALUE), r.uintAsInt("maxBlockBytes", Integer.MAX_VALUE),
                r.uintAsInt("checkpointInterval", Integer.MAX_VALUE), r.uintAsInt("watermarkWindow", Integer.MAX_VALUE));
    }
}
