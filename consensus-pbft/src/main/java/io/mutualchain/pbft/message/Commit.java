package io.mutualchain.pbft.message;

import io.mutualchain.core.block.CommitVote;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;

/**
 * The sender is prepared for (view, height, blockHash) (paper §4.2). Signs exactly the
 * {@link CommitVote} bytes, so a quorum of these signatures is a {@code CommitCertificate}.
 */
public record Commit(long view, long height, Hash32 blockHash) implements PbftMessage {
    public Commit {
        if (view < 0 || height < 1) {
            throw new IllegalArgumentException("commit needs view >= 0 and height >= 1");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.COMMIT;
    }

    @Override
    public void write(CanonicalWriter w) {
        w.uint(view).uint(height);
        blockHash.write(w);
    }

    @Override
    public byte[] signingBytes(String chainId) {
        return CommitVote.signingBytes(chainId, view, height, blockHash);
    }
}
