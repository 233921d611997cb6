package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.types.Address;

/**
 * An arbiter rules that {@code party} made a fraudulent claim about asset {@code assetId}; the party's
 * credit score falls. {@code evidenceHash} is the hash of the arbiter's off-chain file.
 * Encoding after the tag: party (20 bytes), asset id (32 bytes), evidence hash (32 bytes).
 */
public record FraudRuling(Address party, Hash32 assetId, Hash32 evidenceHash) implements TxPayload {
    public static final int KIND = 7;

    public FraudRuling {
        if (party == null || assetId == null || evidenceHash == null) {
            throw new IllegalArgumentException("a fraud ruling names the party, the asset and the evidence hash");
        }
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public String kindName() {
        return "fraud-ruling";
    }

    @Override
    public void writeFields(CanonicalWriter w) {
        party.write(w);
        assetId.write(w);
        evidenceHash.write(w);
    }

    static FraudRuling readFields(CanonicalReader r) {
        return new FraudRuling(Address.read(r, "fraud.party"), Hash32.read(r, "fraud.assetId"), Hash32.read(r, "fraud.evidence"));
    }
}
