package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;

/**
 * What a transaction does. Each kind has a fixed one-byte tag in the encoding; tags are never
 * reused. New kinds are added here, with their tag, by the features that need them.
 */
public sealed interface TxPayload permits Transfer, AssetEvent, Join, KycAttest, Rate, CreditClose, FraudRuling, GovernanceVote,
        ContractDeploy, ContractCall, ValidatorVote {
    /** The encoding tag of this kind. */
    int kind();

    /** A short lower-case name for logs, receipts and the API ("transfer"). */
    String kindName();

    /** Writes the fields after the tag. */
    void writeFields(CanonicalWriter w);

    default void write(CanonicalWriter w) {
        w.u8(kind());
        writeFields(w);
    }

    static TxPayload read(CanonicalReader r) {
        int kind = r.u8("payload kind");
        return switch (kind) {
            case Transfer.KIND -> Transfer.readFields(r);
            case AssetEvent.KIND -> AssetEvent.readFields(r);
            case Join.KIND -> Join.readFields(r);
            case KycAttest.KIND -> KycAttest.readFields(r);
            case Rate.KIND -> Rate.readFields(r);
            case CreditClose.KIND -> CreditClose.readFields(r);
            case FraudRuling.KIND -> FraudRuling.readFields(r);
            case GovernanceVote.KIND -> GovernanceVote.readFields(r);
            case ContractDeploy.KIND -> ContractDeploy.readFields(r);
            case ContractCall.KIND -> ContractCall.readFields(r);
            case ValidatorVote.KIND -> ValidatorVote.readFields(r);
            default -> throw new CodecException("unknown transaction kind " + kind);
        };
    }
}
