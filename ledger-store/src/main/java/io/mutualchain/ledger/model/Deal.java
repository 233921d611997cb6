package io.mutualchain.ledger.model;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.types.Address;

/**
 * A completed transfer (an E06) between {@code from} (the previous owner) and {@code to}: what a rating
 * refers to. Each party may rate the other once; the flags record who has.
 * Encoding (canonical codec): from, to (20 bytes each), rated by from (bool), rated by to (bool).
 */
public record Deal(Address from, Address to, boolean ratedByFrom, boolean ratedByTo) {
    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(48);
        from.write(w);
        to.write(w);
        return w.bool(ratedByFrom).bool(ratedByTo).toByteArray();
    }

    public static Deal decode(byte[] bytes) {
        return Decoding.strict(bytes, "deal", Deal::read);
    }

    private static Deal read(CanonicalReader r) {
        return new Deal(Address.read(r, "deal.from"), Address.read(r, "deal.to"), r.bool("deal.ratedByFrom"), r.bool("deal.ratedByTo"));
    }
}
