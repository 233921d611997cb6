package io.mutualchain.ledger.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.DefaultGenesis;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.AssetEventCode;
import io.mutualchain.core.tx.CreditClose;
import io.mutualchain.core.tx.FraudRuling;
import io.mutualchain.core.tx.GovernanceVote;
import io.mutualchain.core.tx.Join;
import io.mutualchain.core.tx.KycAttest;
import io.mutualchain.core.tx.Rate;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.ledger.Account;
import org.junit.jupiter.api.Test;

/** Joining, KYC, daily limits, vesting, fees, credit score rules and governance, each by its rule. */
class MembersMoneyAndGovernanceTest {
    private final Actors cast = new Actors();

    private static Refusal.Code refusal(BlockExecutor.TxOutcome o) {
        return o.refusal().orElseThrow(() -> new AssertionError("expected a refusal, got " + o)).code();
    }

    @Test
    void joiningCostsAtLeastOneMtnWhichGoesToTheCommitteeAndStoresOnlyTheCommitment() {
        MemoryWorld w = cast.world();
        KeyPair newcomer = Actors.key(50);
        w.run(cast.presale, new Transfer(newcomer.address(), 10 * Mtn.UNIT));
        long committeeBefore = w.account(w.genesis.setup().committee().address()).balance();
        assertThat(refusal(w.run(newcomer, new Join(Sha256.hash("p".getBytes()), Mtn.UNIT - 1)))).isEqualTo(Refusal.Code.JOIN_FEE_TOO_LOW);
        Hash32 commitment = Join.commitment(40, "m", "beneficiary mc…", new byte[16]);
        assertThat(w.run(newcomer, new Join(commitment, Mtn.UNIT)).succeeded()).isTrue();
        Account a = w.account(newcomer.address());
        assertThat(a.level()).isEqualTo(1);
        assertThat(a.commitment()).isEqualTo(commitment);
        assertThat(a.credit()).isEqualTo(CreditRules.INITIAL);
        assertThat(w.account(w.genesis.setup().committee().address()).balance()).isEqualTo(committeeBefore + Mtn.UNIT);
        assertThat(refusal(w.run(newcomer, new Join(commitment, Mtn.UNIT)))).isEqualTo(Refusal.Code.ALREADY_MEMBER);
    }

    @Test
    void onlyAKycAuthorityRaisesAMemberToLevelTwo() {
        MemoryWorld w = cast.world();
        assertThat(refusal(w.run(cast.gateway, new KycAttest(cast.recipient.address(), Sha256.hash("x".getBytes())))))
                .isEqualTo(Refusal.Code.NOT_AUTHORISED);
        assertThat(refusal(w.run(cast.kyc, new KycAttest(cast.gateway.address(), Sha256.hash("x".getBytes())))))
                .isEqualTo(Refusal.Code.MEMBER_LEVEL);
        assertThat(w.run(cast.kyc, new KycAttest(cast.recipient.address(), Sha256.hash("x".getBytes()))).succeeded()).isTrue();
        assertThat(w.account(cast.recipient.address()).level()).isEqualTo(2);
        assertThat(w.account(cast.recipient.address()).kycRecord()).isEqualTo(Sha256.hash("x".getBytes()));
    }

    @Test
    void aLevelOneMembersDailyLimitHoldsWithinABlockTimeDayAndResetsTheNextDay() {
        MemoryWorld w = cast.world();
        w.run(cast.presale, new Transfer(cast.recipient.address(), 20_000 * Mtn.UNIT));
        long limit = w.genesis.setup().members().dailyLimitLevel1();
        assertThat(w.run(cast.recipient, new Transfer(cast.outsider.address(), limit - Mtn.UNIT)).succeeded()).isTrue();
        BlockExecutor.TxOutcome over = w.run(cast.recipient, new Transfer(cast.outsider.address(), 2 * Mtn.UNIT));
        assertThat(refusal(over)).isEqualTo(Refusal.Code.DAILY_LIMIT);
        assertThat(over.feePaid()).isEqualTo(w.genesis.params().baseFee());
        assertThat(w.run(cast.recipient, new Transfer(cast.outsider.address(), Mtn.UNIT)).succeeded()).isTrue();
        w.timeMs += TxContext.DAY_MS;
        assertThat(w.run(cast.recipient, new Transfer(cast.outsider.address(), 2 * Mtn.UNIT)).succeeded()).isTrue();
    }

    @Test
    void theTeamShareCannotMoveDuringTheLockAndMovesAsItIsReleased() {
        MemoryWorld w = cast.world();
        w.run(cast.presale, new Transfer(cast.team.address(), 5 * Mtn.UNIT));
        assertThat(w.run(cast.team, new Transfer(cast.outsider.address(), Mtn.UNIT)).succeeded()).as("unlocked top-up").isTrue();
        assertThat(refusal(w.run(cast.team, new Transfer(cast.outsider.address(), 100 * Mtn.UNIT)))).isEqualTo(Refusal.Code.LOCKED_BY_VESTING);
        w.timeMs = Actors.T0 + DefaultGenesis.TEAM_LOCK_MS + DefaultGenesis.TEAM_RELEASE_MS / 2;
        assertThat(w.run(cast.team, new Transfer(cast.outsider.address(), 30_000_000L * Mtn.UNIT)).succeeded()).isTrue();
        assertThat(refusal(w.run(cast.team, new Transfer(cast.outsider.address(), 20_000_000L * Mtn.UNIT))))
                .isEqualTo(Refusal.Code.LOCKED_BY_VESTING);
    }

    @Test
    void everyFeeGoesToTheProposerEvenForRefusedTransactions() {
        MemoryWorld w = cast.world();
        long before = w.account(w.proposer).balance();
        w.run(cast.outsider, AssetEvent.simple(AssetEventCode.E12, Sha256.hash("none".getBytes()), null));
        w.run(cast.outsider, new Transfer(cast.owner.address(), Mtn.UNIT));
        assertThat(w.account(w.proposer).balance()).isEqualTo(before + 2 * w.genesis.params().baseFee());
        assertThat(w.sumOfBalances()).isEqualTo(Mtn.TOTAL_SUPPLY);
    }

    @Test
    void creditIsGrantedThenRepaidOrDefaultedByItsCreditorOnly() {
        MemoryWorld w = cast.world();
        Hash32 id = AssetEvent.newAssetId(cast.owner.address(), w.account(cast.owner.address()).nonce());
        w.run(cast.owner, AssetEvent.depositRequest(id, "CNY", 100, null));
        w.run(cast.gateway, AssetEvent.simple(AssetEventCode.E03, id, null));
        int start = w.account(cast.owner.address()).credit();
        w.run(cast.owner, AssetEvent.creditRequest(id, 40, null));
        assertThat(w.run(cast.creditor, AssetEvent.simple(AssetEventCode.E09, id, null)).succeeded()).isTrue();
        assertThat(w.account(cast.owner.address()).credit()).isEqualTo(start + CreditRules.CREDIT_CONFIRMED);
        assertThat(refusal(w.run(cast.owner, AssetEvent.simple(AssetEventCode.E10, id, null)))).isEqualTo(Refusal.Code.CREDIT_OUTSTANDING);
        assertThat(refusal(w.run(cast.arbiter, new CreditClose(id, true)))).isEqualTo(Refusal.Code.NOT_AUTHORISED);
        assertThat(w.run(cast.creditor, new CreditClose(id, true)).succeeded()).isTrue();
        assertThat(w.account(cast.owner.address()).credit()).isEqualTo(start + CreditRules.CREDIT_CONFIRMED + CreditRules.CREDIT_REPAID);
        assertThat(refusal(w.run(cast.creditor, new CreditClose(id, false)))).isEqualTo(Refusal.Code.NO_CREDIT);
        w.run(cast.owner, AssetEvent.creditRequest(id, 40, null));
        w.run(cast.creditor, AssetEvent.simple(AssetEventCode.E09, id, null));
        int beforeDefault = w.account(cast.owner.address()).credit();
        w.run(cast.creditor, new CreditClose(id, false));
        assertThat(w.account(cast.owner.address()).credit()).isEqualTo(beforeDefault + CreditRules.CREDIT_DEFAULTED);
    }

    @Test
    void onlyTheTwoPartiesOfACompletedDealMayRateItOnceEach() {
        MemoryWorld w = cast.world();
        Hash32 id = AssetEvent.newAssetId(cast.owner.address(), w.account(cast.owner.address()).nonce());
        w.run(cast.owner, AssetEvent.depositRequest(id, "CNY", 100, null));
        w.run(cast.gateway, AssetEvent.simple(AssetEventCode.E03, id, null));
        w.run(cast.owner, AssetEvent.transferRequest(id, cast.recipient.address(), null));
        w.run(cast.recipient, AssetEvent.simple(AssetEventCode.E06, id, null));
        long dealRecord = 3;
        assertThat(refusal(w.run(cast.owner, new Rate(id, 0, true)))).isEqualTo(Refusal.Code.NOT_A_DEAL);
        assertThat(refusal(w.run(cast.outsider, new Rate(id, dealRecord, false)))).isEqualTo(Refusal.Code.NOT_AUTHORISED);
        int recipientCredit = w.account(cast.recipient.address()).credit();
        assertThat(w.run(cast.owner, new Rate(id, dealRecord, true)).succeeded()).isTrue();
        assertThat(w.account(cast.recipient.address()).credit()).isEqualTo(recipientCredit + CreditRules.RATING);
        assertThat(refusal(w.run(cast.owner, new Rate(id, dealRecord, true)))).isEqualTo(Refusal.Code.ALREADY_RATED);
        int ownerCredit = w.account(cast.owner.address()).credit();
        assertThat(w.run(cast.recipient, new Rate(id, dealRecord, false)).succeeded()).isTrue();
        assertThat(w.account(cast.owner.address()).credit()).isEqualTo(ownerCredit - CreditRules.RATING);
    }

    @Test
    void anArbitersFraudRulingLowersTheScoreAndNobodyElsesDoes() {
        MemoryWorld w = cast.world();
        Hash32 id = AssetEvent.newAssetId(cast.owner.address(), w.account(cast.owner.address()).nonce());
        w.run(cast.owner, AssetEvent.depositRequest(id, "CNY", 100, null));
        int before = w.account(cast.owner.address()).credit();
        assertThat(refusal(w.run(cast.gateway, new FraudRuling(cast.owner.address(), id, Sha256.hash("f".getBytes())))))
                .isEqualTo(Refusal.Code.NOT_AUTHORISED);
        assertThat(w.run(cast.arbiter, new FraudRuling(cast.owner.address(), id, Sha256.hash("f".getBytes()))).succeeded()).isTrue();
        assertThat(w.account(cast.owner.address()).credit()).isEqualTo(before + CreditRules.FRAUD);
    }

    @Test
    void aRoleIsGrantedWhenTheCommitteeThresholdVotesAndTheReserveMovesOnlyByTheCommittee() {
        MemoryWorld w = cast.world();
        GovernanceVote grant = new GovernanceVote(GovernanceVote.Action.GRANT_ROLE, cast.outsider.address(), Role.GATEWAY, 0, 0);
        assertThat(refusal(w.run(cast.outsider, grant))).isEqualTo(Refusal.Code.NOT_AUTHORISED);
        assertThat(w.run(cast.committee1, grant).succeeded()).isTrue();
        assertThat(w.account(cast.outsider.address()).has(Role.GATEWAY)).as("one of two votes").isFalse();
        assertThat(refusal(w.run(cast.committee1, grant))).isEqualTo(Refusal.Code.ALREADY_VOTED);
        assertThat(w.run(cast.committee2, grant).succeeded()).isTrue();
        assertThat(w.account(cast.outsider.address()).has(Role.GATEWAY)).isTrue();
        assertThat(refusal(w.run(cast.validator, grant))).isEqualTo(Refusal.Code.PROPOSAL_DONE);

        GovernanceVote spend = new GovernanceVote(GovernanceVote.Action.COMMITTEE_TRANSFER, cast.research.address(), null, 1_000 * Mtn.UNIT, 0);
        assertThat(refusal(w.run(cast.validator, spend))).as("validators do not spend the reserve").isEqualTo(Refusal.Code.NOT_AUTHORISED);
        long before = w.account(cast.research.address()).balance();
        w.run(cast.committee1, spend);
        w.run(cast.committee2, spend);
        assertThat(w.account(cast.research.address()).balance()).isEqualTo(before + 1_000 * Mtn.UNIT);
    }

    @Test
    void aValidatorQuorumAloneCanRevokeARole() {
        MemoryWorld w = cast.world();
        GovernanceVote revoke = new GovernanceVote(GovernanceVote.Action.REVOKE_ROLE, cast.gateway.address(), Role.GATEWAY, 0, 0);
        // One validator: the quorum is 1.
        w.run(cast.presale, new Transfer(cast.validator.address(), Mtn.UNIT));
        assertThat(w.run(cast.validator, revoke).succeeded()).isTrue();
        assertThat(w.account(cast.gateway.address()).has(Role.GATEWAY)).isFalse();
    }
}
