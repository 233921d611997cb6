package io.mutualchain.rpc;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import java.util.Objects;

/** A committed block and the certificate that proves it final. */
public record BlockView(Block block, CommitCertificate certificate) {
    public BlockView {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(certificate, "certificate");
    }
}
