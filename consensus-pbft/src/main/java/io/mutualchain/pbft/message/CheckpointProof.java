package io.mutualchain.pbft.message;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import java.util.List;

/**
 * A stable checkpoint: a quorum of matching signed CHECKPOINTs. Height 0 is genesis and needs no
 * signatures (its hashes are {@link Hash32#ZERO}); every node agrees on it without a proof.
 */
public record CheckpointProof(long height, Hash32 blockHash, Hash32 stateRoot, List<Signed<Checkpoint>> signatures) {
    public static final CheckpointProof GENESIS = new CheckpointProof(0, Hash32.ZERO, Hash32.ZERO, List.of());

    public CheckpointProof {
        if (height < 0) {
            throw new IllegalArgumentException("checkpoint proof height cannot be negative");
        }
        signatures = List.copyOf(signatures);
    }

    public void write(CanonicalWriter w) {
        w.uint(height);
        blockHash.write(w);
        stateRoot.write(w);
        w.list(signatures, (ww, s) -> s.writeNested(ww));
    }
}
