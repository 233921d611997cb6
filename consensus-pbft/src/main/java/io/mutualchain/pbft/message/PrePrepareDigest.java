package io.mutualchain.pbft.message;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;

/**
 * A PRE-PREPARE without its block: same type tag and same signed fields, so the primary's signature
 * on the full pre-prepare verifies on this too. Prepared certificates carry this form, which keeps
 * VIEW-CHANGE and NEW-VIEW small whatever the block size. Never sent on its own.
 */
public record PrePrepareDigest(long view, long height, Hash32 blockHash) implements PbftMessage {
    public PrePrepareDigest {
        if (view < 0 || height < 1) {
            throw new IllegalArgumentException("pre-prepare needs view >= 0 and height >= 1");
        }
    }

    public static Signed<PrePrepareDigest> of(Signed<PrePrepare> pp) {
        PrePrepare p = pp.body();
        return new Signed<>(new PrePrepareDigest(p.view(), p.height(), p.blockHash()), pp.signer(), pp.signature());
    }

    @Override
    public MessageType type() {
        return MessageType.PRE_PREPARE;
    }

    @Override
    public void write(CanonicalWriter w) {
        w.uint(view).uint(height);
        blockHash.write(w);
    }
}
