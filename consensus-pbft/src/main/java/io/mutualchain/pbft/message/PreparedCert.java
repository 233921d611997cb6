package io.mutualchain.pbft.message;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import java.util.List;

/**
 * Proof that a block was prepared at (view, height): the primary's signed pre-prepare (digest form)
 * plus a quorum minus one of matching PREPAREs from distinct backups (paper §4.2,
 * "prepared(m, v, n, i)"). Carried in VIEW-CHANGE so that a new primary cannot drop a block that
 * may have committed.
 */
public record PreparedCert(Signed<PrePrepareDigest> prePrepare, List<Signed<Prepare>> prepares) {
    public PreparedCert {
        prepares = List.copyOf(prepares);
    }

    public long view() {
        return prePrepare.body().view();
    }

    public long height() {
        return prePrepare.body().height();
    }

    public Hash32 blockHash() {
        return prePrepare.body().blockHash();
    }

    public void write(CanonicalWriter w) {
        prePrepare.writeNested(w);
        w.list(prepares, (ww, p) -> p.writeNested(ww));
    }
}
