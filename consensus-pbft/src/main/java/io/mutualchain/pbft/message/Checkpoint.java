package io.mutualchain.pbft.message;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;

/**
 * The sender applied every block up to {@code height} (a multiple of K), the block there has
 * {@code blockHash}, and the world state after it is {@code stateRoot} (paper §4.3).
 */
public record Checkpoint(long height, Hash32 blockHash, Hash32 stateRoot) implements PbftMessage {
    public Checkpoint {
        if (height < 1) {
            throw new IllegalArgumentException("checkpoint height starts at 1");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.CHECKPOINT;
    }

    @Override
    public void write(CanonicalWriter w) {
        w.uint(height);
        blockHash.write(w);
        stateRoot.write(w);
    }
}
