package io.mutualchain.pbft.message;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;

/**
 * The primary of {@code view} assigns {@code block} to sequence number {@code height} (paper §4.2).
 * The signature covers (view, height, block hash) only: the hash commits to the header, which
 * commits to the body, and a prepared certificate can then be checked without re-hashing the body.
 */
public record PrePrepare(long view, long height, Block block) implements PbftMessage {
    public PrePrepare {
        if (view < 0 || height < 1) {
            throw new IllegalArgumentException("pre-prepare needs view >= 0 and height >= 1");
        }
    }

    public Hash32 blockHash() {
        return block.hash();
    }

    @Override
    public MessageType type() {
        return MessageType.PRE_PREPARE;
    }

    @Override
    public void write(CanonicalWriter w) {
        w.uint(view).uint(height);
        block.write(w);
    }

    @Override
    public void writeSigned(CanonicalWriter w) {
        w.uint(view).uint(height);
        blockHash().write(w);
    }
}
