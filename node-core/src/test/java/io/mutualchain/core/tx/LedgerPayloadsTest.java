package io.mutualchain.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.testkit.TestKeys;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payload kinds of the ledger (assets, members, credit, governance) round trip and refuse ill-formed fields. */
class LedgerPayloadsTest {
    private static final KeyPair KEY = TestKeys.key(1);
    private static final Address OTHER = TestKeys.key(2).address();
    private static final Hash32 ID = Sha256.hash("asset".getBytes());

    static List<TxPayload> everyKind() {
        return List.of(
                AssetEvent.depositRequest(ID, "CNY", 500, "gw-ref-1".getBytes()),
                AssetEvent.simple(AssetEventCode.E03, ID, new byte[0]),
                AssetEvent.transferRequest(ID, OTHER, new byte[] {1, 2}),
                AssetEvent.creditRequest(ID, 77, new byte[0]),
                AssetEvent.simple(AssetEventCode.E12, ID, new byte[AssetEvent.MAX_DATA_BYTES]),
                new Join(Sha256.hash("p".getBytes()), Mtn.UNIT),
                new KycAttest(OTHER, Sha256.hash("record".getBytes())),
                new Rate(ID, 3, true),
                new CreditClose(ID, false),
                new FraudRuling(OTHER, ID, Sha256.hash("file".getBytes())),
                new GovernanceVote(GovernanceVote.Action.GRANT_ROLE, OTHER, Role.ARBITER, 0, 1),
                new GovernanceVote(GovernanceVote.Action.COMMITTEE_TRANSFER, OTHER, null, 5 * Mtn.UNIT, 0));
    }

    @Test
    void everyLedgerPayloadSurvivesASignedTransactionRoundTrip() {
        for (TxPayload p : everyKind()) {
            Transaction tx = Transaction.sign("c", KEY, 0, 10_000, p);
            Transaction back = Transaction.decode(tx.encode());
            assertThat(back.payload()).as(p.kindName()).isEqualTo(p);
            assertThat(back.hasValidSignature()).isTrue();
            assertThat(back.id()).isEqualTo(tx.id());
        }
    }

    @Test
    void eachAssetEventCarriesExactlyTheFieldsItNeeds() {
        assertThatThrownBy(() -> new AssetEvent(AssetEventCode.E03, ID, "CNY", 0, null, null)).hasMessageContaining("no asset type");
        assertThatThrownBy(() -> new AssetEvent(AssetEventCode.E01, ID, null, 5, null, null)).hasMessageContaining("asset type");
        assertThatThrownBy(() -> new AssetEvent(AssetEventCode.E01, ID, "CNY", 0, null, null)).hasMessageContaining("amount");
        assertThatThrownBy(() -> new AssetEvent(AssetEventCode.E04, ID, null, 0, null, null)).hasMessageContaining("recipient");
        assertThatThrownBy(() -> new AssetEvent(AssetEventCode.E06, ID, null, 0, OTHER, null)).hasMessageContaining("no recipient");
        assertThatThrownBy(() -> new AssetEvent(AssetEventCode.E10, ID, null, 3, null, null)).hasMessageContaining("no amount");
        assertThatThrownBy(() -> AssetEvent.depositRequest(ID, "a b", 1, null)).hasMessageContaining("asset type");
        assertThatThrownBy(() -> AssetEvent.simple(AssetEventCode.E02, ID, new byte[AssetEvent.MAX_DATA_BYTES + 1])).hasMessageContaining("limit");
    }

    @Test
    void anUnknownAssetEventCodeDoesNotDecode() {
        Transaction tx = Transaction.sign("c", KEY, 0, 10_000, AssetEvent.simple(AssetEventCode.E02, ID, new byte[0]));
        byte[] bytes = tx.encode();
        int codeOffset = 2 + 32 + 1 + 2 + 1; // chain id "c", key, nonce 0, fee 10000 (a 2-byte varint), kind
        assertThat(bytes[codeOffset]).isEqualTo((byte) 2);
        bytes[codeOffset] = 13;
        assertThatThrownBy(() -> Transaction.decode(bytes)).isInstanceOf(CodecException.class).hasMessageContaining("unknown event code 13");
    }

    @Test
    void eventCodesParseInTheWhitepapersNotation() {
        assertThat(AssetEventCode.parse("E04")).isEqualTo(AssetEventCode.E04);
        assertThat(AssetEventCode.parse("12")).isEqualTo(AssetEventCode.E12);
        assertThat(AssetEventCode.E09.operation()).isEqualTo(AssetEventCode.Operation.CREDIT);
        assertThat(AssetEventCode.E09.step()).isEqualTo(AssetEventCode.Step.CONFIRM);
        assertThatThrownBy(() -> AssetEventCode.parse("E13")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewAssetIdDependsOnOwnerAndNonce() {
        Address a = KEY.address();
        assertThat(AssetEvent.newAssetId(a, 0)).isEqualTo(AssetEvent.newAssetId(a, 0));
        assertThat(AssetEvent.newAssetId(a, 0)).isNotEqualTo(AssetEvent.newAssetId(a, 1));
        assertThat(AssetEvent.newAssetId(a, 0)).isNotEqualTo(AssetEvent.newAssetId(OTHER, 0));
    }

    @Test
    void theProfileCommitmentHidesBehindASaltAndBindsEveryField() {
        byte[] salt = new byte[16];
        Hash32 c = Join.commitment(34, "f", "mc-beneficiary", salt);
        assertThat(Join.commitment(34, "f", "mc-beneficiary", salt)).isEqualTo(c);
        assertThat(Join.commitment(35, "f", "mc-beneficiary", salt)).isNotEqualTo(c);
        assertThat(Join.commitment(34, "m", "mc-beneficiary", salt)).isNotEqualTo(c);
        byte[] otherSalt = new byte[16];
        otherSalt[0] = 1;
        assertThat(Join.commitment(34, "f", "mc-beneficiary", otherSalt)).isNotEqualTo(c);
        assertThatThrownBy(() -> Join.commitment(34, "f", "b", new byte[8])).hasMessageContaining("salt");
    }

    @Test
    void aProposalIdDependsOnEveryField() {
        GovernanceVote v = new GovernanceVote(GovernanceVote.Action.GRANT_ROLE, OTHER, Role.GATEWAY, 0, 0);
        assertThat(v.proposalId()).isEqualTo(new GovernanceVote(GovernanceVote.Action.GRANT_ROLE, OTHER, Role.GATEWAY, 0, 0).proposalId());
        assertThat(v.proposalId()).isNotEqualTo(new GovernanceVote(GovernanceVote.Action.REVOKE_ROLE, OTHER, Role.GATEWAY, 0, 0).proposalId());
        assertThat(v.proposalId()).isNotEqualTo(new GovernanceVote(GovernanceVote.Action.GRANT_ROLE, OTHER, Role.GATEWAY, 0, 1).proposalId());
        assertThatThrownBy(() -> new GovernanceVote(GovernanceVote.Action.COMMITTEE_TRANSFER, OTHER, Role.GATEWAY, 5, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
