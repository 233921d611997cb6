package io.mutualchain.pbft.message;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;

/** A backup accepted the pre-prepare of (view, height, blockHash) after validating the block (paper §4.2). */
public record Prepare(long view, long height, Hash32 blockHash) implements PbftMessage {
    public Prepare {
        if (view < 0 || height < 1) {
            throw new IllegalArgumentException("prepare needs view >= 0 and height >= 1");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.PREPARE;
    }

    @Override
    public void write(CanonicalWriter w) {
        w.uint(view).uint(height);
        blockHash.write(w);
    }
}
