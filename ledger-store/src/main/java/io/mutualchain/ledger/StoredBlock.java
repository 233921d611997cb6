package io.mutualchain.ledger;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;

/** A committed block with the certificate that finalised it, as stored. */
public record StoredBlock(Block block, CommitCertificate certificate) {
}
