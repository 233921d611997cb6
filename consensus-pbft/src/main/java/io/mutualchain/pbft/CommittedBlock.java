package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;

/** A block that is final, with the quorum of commit signatures that proves it; store both together. */
public record CommittedBlock(Block block, CommitCertificate certificate) {
    public CommittedBlock {
        if (!block.hash().equals(certificate.blockHash()) || block.height() != certificate.height()) {
            throw new IllegalArgumentException("certificate does not match the block");
        }
    }

    public long height() {
        return block.height();
    }
}
