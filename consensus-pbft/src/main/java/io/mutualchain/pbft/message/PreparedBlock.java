package io.mutualchain.pbft.message;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.codec.CanonicalWriter;

/** A prepared certificate with the block it certifies, as a replica keeps (and persists) it. */
public record PreparedBlock(PreparedCert cert, Block block) {
    public PreparedBlock {
        if (!block.hash().equals(cert.blockHash()) || block.height() != cert.height()) {
            throw new IllegalArgumentException("block does not match its prepared certificate");
        }
    }

    public void write(CanonicalWriter w) {
        cert.write(w);
        block.write(w);
    }
}
