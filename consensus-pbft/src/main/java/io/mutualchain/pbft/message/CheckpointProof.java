package io.mutualchain.pbft.message;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import java.util.List;

/**
 * A stable checkpoint: a quorum of matching signed CHECKPOINTs. The base of an epoch (height 0,
 * genesis, or the checkpoint height after which a new validator set took over) needs no signatures
 * and has {@link Hash32#ZERO} hashes: every node of the epoch agrees on it without a proof, because
 * the ledger, not a vote of the epoch, fixed it.
 */
public record CheckpointProof(long height, Hash32 blockHash, Hash32 stateRoot, List<Signed<Checkpoint>> signatures) {
    public static final CheckpointProof GENESIS = base(0);

    /** The unsigned proof every replica of the epoch starting after {@code height} starts from. */
    public static CheckpointProof base(long height) {
        return new CheckpointProof(height, Hash32.ZERO, Hash32.ZERO, List.of());
    }

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
