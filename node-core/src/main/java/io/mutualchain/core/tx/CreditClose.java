package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;

/**
 * The creditor that granted credit on asset {@code assetId} (an E09) closes it: repaid, or defaulted.
 * Either way the asset carries no credit afterwards; the owner's credit score moves (see docs/ledger.md).
 * Encoding after the tag: asset id (32 bytes), repaid (bool).
 */
public record CreditClose(Hash32 assetId, boolean repaid) implements TxPayload {
    public static final int KIND = 6;

    public CreditClose {
        if (assetId == null) {
            throw new IllegalArgumentException("closing credit names the asset");
        }
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public String kindName() {
        return "credit-close";
    }

    @Override
    public void writeFields(CanonicalWriter w) {
        assetId.write(w);
        w.bool(repaid);
    }

    static CreditClose readFields(CanonicalReader r) {
        return new CreditClose(Hash32.read(r, "credit.assetId"), r.bool("credit.repaid"));
    }
}
