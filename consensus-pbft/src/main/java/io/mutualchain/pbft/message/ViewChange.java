package io.mutualchain.pbft.message;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.codec.CanonicalWriter;
import java.util.List;

/**
 * The sender moves to {@code newView} and stops accepting messages of lower views (paper §4.4).
 * Carries its stable checkpoint with proof and its prepared certificates above that checkpoint,
 * one per height, from the highest view it prepared in. Certificates are digests; {@code bodies}
 * are the blocks of the certificates above the sender's last committed height (blocks that may
 * exist nowhere else yet). Committed blocks are not repeated: every replica can fetch them.
 */
public record ViewChange(long newView, CheckpointProof stable, List<PreparedCert> prepared, List<Block> bodies) implements PbftMessage {
    public ViewChange {
        if (newView < 1) {
            throw new IllegalArgumentException("a view change targets view 1 or higher");
        }
        prepared = List.copyOf(prepared);
        bodies = List.copyOf(bodies);
    }

    @Override
    public MessageType type() {
        return MessageType.VIEW_CHANGE;
    }

    @Override
    public void write(CanonicalWriter w) {
        w.uint(newView);
        stable.write(w);
        w.list(prepared, (ww, c) -> c.write(ww));
        w.list(bodies, (ww, b) -> b.write(ww));
    }
}
