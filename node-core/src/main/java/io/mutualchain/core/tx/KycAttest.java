package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.types.Address;

/**
 * A KYC authority attests that it checked {@code member}'s identity off chain, raising the member to
 * Level 2. Only {@code recordHash}, the hash of the authority's off-chain record, goes on chain.
 * Encoding after the tag: member (20 bytes), record hash (32 bytes).
 */
public record KycAttest(Address member, Hash32 recordHash) implements TxPayload {
    public static final int KIND = 4;

    public KycAttest {
        if (member == null || recordHash == null) {
            throw new IllegalArgumentException("a KYC attestation names the member and the record hash");
        }
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public String kindName() {
        return "kyc";
    }

    @Override
    public void writeFields(CanonicalWriter w) {
        member.write(w);
        recordHash.write(w);
    }

    static KycAttest readFields(CanonicalReader r) {
        return new KycAttest(Address.read(r, "kyc.member"), Hash32.read(r, "kyc.recordHash"));
    }
}
