package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;

/**
 * Rates the other party of a completed deal: the transfer of asset {@code assetId} that its history
 * record {@code record} (an E06) completed. Only the two parties of that deal may rate, once each.
 * Encoding after the tag: asset id (32 bytes), record index (uint), positive (bool).
 */
public record Rate(Hash32 assetId, long record, boolean positive) implements TxPayload {
    public static final int KIND = 5;

    public Rate {
        if (assetId == null || record < 0) {
            throw new IllegalArgumentException("a rating names an asset and a record index");
        }
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public String kindName() {
        return "rate";
    }

    @Override
    public void writeFields(CanonicalWriter w) {
        assetId.write(w);
        w.uint(record).bool(positive);
    }

    static Rate readFields(CanonicalReader r) {
        return new Rate(Hash32.read(r, "rate.assetId"), r.uint("rate.record", Long.MAX_VALUE), r.bool("rate.positive"));
    }
}
