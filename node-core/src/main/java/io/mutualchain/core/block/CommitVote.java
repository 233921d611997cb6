package io.mutualchain.core.block;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import java.nio.charset.StandardCharsets;

/**
 * What a validator signs when it commits a block: "MC-COMMIT-V1", chain id, view, height and block
 * hash. The consensus engine's COMMIT message signs exactly these bytes, so the commit signatures it
 * collects are the block's commit certificate with no re-signing.
 */
public final class CommitVote {
    private static final byte[] TAG = "MC-COMMIT-V1".getBytes(StandardCharsets.US_ASCII);

    private CommitVote() {
    }

    public static byte[] signingBytes(String chainId, long view, long height, Hash32 blockHash) {
        CanonicalWriter w = new CanonicalWriter(96);
        w.fixed(TAG);
        w.string(chainId);
        w.uint(view);
        w.uint(height);
        blockHash.write(w);
        return w.toByteArray();
    }
}
