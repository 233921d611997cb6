package io.mutualchain.vm.templates;

import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.types.Address;
import io.mutualchain.vm.ExecutionResult;
import io.mutualchain.vm.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.mutualchain.vm.templates.Outcome.intAt;
import static io.mutualchain.vm.templates.Outcome.ok;
import static io.mutualchain.vm.templates.Outcome.okInt;
import static io.mutualchain.vm.templates.Outcome.reverted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MutualAidPool scenarios on a ledger with balances. The invariant every scenario ends on: the
 * sum of all balances is what it was before the pool existed, and a settled pool holds nothing.
 */
class MutualAidPoolTest {
    static final long MTN = 100_000_000L;
    static final long START_BALANCE = 1_000 * MTN;
    static final GasLog GAS = new GasLog();

    final TestLedger chain = new TestLedger(GAS);
    final Address initiator = chain.member(1, START_BALANCE, 2, 800);
    final Address arbiter = chain.member(2, START_BALANCE, 2, 800);
    final Address outsider = chain.member(3, START_BALANCE, 0, 0);
    final Address m1 = chain.member(11, START_BALANCE, 1, 500);
    final Address m2 = chain.member(12, START_BALANCE, 1, 500);
    final Address m3 = chain.member(13, START_BALANCE, 1, 500);
    final Address m4 = chain.member(14, START_BALANCE, 1, 500);
    final Address m5 = chain.member(15, START_BALANCE, 1, 500);
    final long totalBefore = chain.totalBalance();

    /** The terms init takes, with the scenario's defaults; tests change one term at a time. */
    record Product(long category, long coverage, long premium, long periodBlocks, long termPeriods, long maxMembers,
            long minCredit, long invitedOnly, long quorum, byte[] arbiter, long exitPenalty, long enrolBlocks) {

        Product withMinCredit(long v) {
            return new Product(category, coverage, premium, periodBlocks, termPeriods, maxMembers, v, invitedOnly, quorum, arbiter, exitPenalty, enrolBlocks);
        }

        Product withCoverage(long v) {
            return new Product(category, v, premium, periodBlocks, termPeriods, maxMembers, minCredit, invitedOnly, quorum, arbiter, exitPenalty, enrolBlocks);
        }

        Product withInvitedOnly() {
            return new Product(category, coverage, premium, periodBlocks, termPeriods, maxMembers, minCredit, 1, quorum, arbiter, exitPenalty, enrolBlocks);
        }

        Product withMaxMembers(long v) {
            return new Product(category, coverage, premium, periodBlocks, termPeriods, v, minCredit, invitedOnly, quorum, arbiter, exitPenalty, enrolBlocks);
        }

        Product withQuorum(long v) {
            return new Product(category, coverage, premium, periodBlocks, termPeriods, maxMembers, minCredit, invitedOnly, v, arbiter, exitPenalty, enrolBlocks);
        }

        Value[] args() {
            return new Value[] {Value.of(category), Value.of(coverage), Value.of(premium), Value.of(periodBlocks),
                Value.of(termPeriods), Value.of(maxMembers), Value.of(minCredit), Value.of(invitedOnly), Value.of(quorum),
                Value.of(arbiter), Value.of(exitPenalty), Value.of(Sha256.digest("health terms v1".getBytes(StandardCharsets.UTF_8))),
                Value.of(enrolBlocks)};
        }
    }

    /** Health cover of 50 MTN for 10 MTN a period, 3 periods of 10 blocks, quorum 3, 5 MTN exit penalty. */
    Product standard() {
        return new Product(1, 50 * MTN, 10 * MTN, 10, 3, 8, 300, 0, 3, arbiter.toBytes(), 5 * MTN, 5);
    }

    Address deploy(Product p, long collateral) {
        Address pool = chain.deploy("MutualAidPool");
        ok(chain.call(initiator, pool, "init", collateral, p.args()));
        return pool;
    }

    static Value evidence(String what) {
        return Value.of(Sha256.digest(what.getBytes(StandardCharsets.UTF_8)));
    }

    List<Value> member(Address pool, Address who) {
        return ok(chain.call(outsider, pool, "member", 0, Value.of(who.toBytes())));
    }

    List<Value> state(Address pool) {
        return ok(chain.call(outsider, pool, "state", 0));
    }

    void assertMtnConservedAndPoolEmpty(Address pool) {
        assertThat(chain.totalBalance()).as("sum of all balances").isEqualTo(totalBefore);
        assertThat(chain.balance(pool)).as("pool contract balance").isZero();
    }

    @AfterAll
    static void reportGas() {
        GAS.report();
    }

    @Test
    void aFullTermPaysOneClaimRefusesAnotherChargesAnExitAndRefundsEveryBaseUnit() {
        Address pool = deploy(standard(), 100 * MTN);
        for (Address m : List.of(m1, m2, m3, m4)) {
            ok(chain.call(m, pool, "join", 30 * MTN));
        }
        ok(chain.call(m5, pool, "join", 40 * MTN));
        assertThat(intAt(state(pool), 1)).as("active members").isEqualTo(5);

        chain.advance(5);
        ok(chain.call(initiator, pool, "collect", 0));
        assertThat(intAt(state(pool), 2)).as("pool after period 0").isEqualTo(50 * MTN);

        // claim 0: three approvals reach the quorum and pay at once
        long claim0 = okInt(chain.call(m1, pool, "claim", 0, Value.of(20 * MTN), evidence("hospital invoice 17")));
        ok(chain.call(m2, pool, "approve", 0, Value.of(claim0)));
        reverted(chain.call(m2, pool, "approve", 0, Value.of(claim0)), "already voted on this claim");
        ok(chain.call(m3, pool, "approve", 0, Value.of(claim0)));
        assertThat(chain.balance(m1)).isEqualTo(START_BALANCE - 30 * MTN);
        ok(chain.call(m4, pool, "approve", 0, Value.of(claim0)));
        assertThat(chain.balance(m1)).as("claim paid on the deciding approval").isEqualTo(START_BALANCE - 10 * MTN);
        assertThat(chain.events("claim_paid")).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(m1);
            assertThat(e.intAt(1)).isEqualTo(20 * MTN);
        });

        // claim 1: with 4 voters and a quorum of 3, two rejections make approval impossible
        long claim1 = okInt(chain.call(m2, pool, "claim", 0, Value.of(30 * MTN), evidence("roof, no photo")));
        ok(chain.call(m1, pool, "reject", 0, Value.of(claim1)));
        ok(chain.call(m3, pool, "reject", 0, Value.of(claim1)));
        reverted(chain.call(m4, pool, "approve", 0, Value.of(claim1)), "the claim is no longer pending");
        List<Value> info = ok(chain.call(outsider, pool, "claim_info", 0, Value.of(claim1)));
        assertThat(intAt(info, 2)).as("claim 1 status").isEqualTo(3);
        assertThat(chain.events("claim_rejected")).singleElement().satisfies(e -> assertThat(e.subject()).isEqualTo(m2));

        chain.advance(10);
        ok(chain.call(initiator, pool, "collect", 0));

        // m5 leaves in period 1: 20 MTN left in deposit, 5 MTN penalty to the pool, 15 back
        ok(chain.call(m5, pool, "leave", 0));
        assertThat(chain.balance(m5)).isEqualTo(START_BALANCE - 40 * MTN + 15 * MTN);
        reverted(chain.call(m5, pool, "claim", 0, Value.of(MTN), evidence("x")), "only active members can file a claim");

        chain.advance(10);
        ok(chain.call(initiator, pool, "collect", 0));
        reverted(chain.call(outsider, pool, "settle", 0), "the term has not ended");
        chain.advance(10);
        // pool: 50 - 20 + 50 + 5 + 40 = 125 MTN, shared by four members who each paid 3 periods
        assertThat(intAt(state(pool), 2)).isEqualTo(125 * MTN);
        ok(chain.call(outsider, pool, "settle", 0));
        reverted(chain.call(outsider, pool, "settle", 0), "already settled");

        long share = 125 * MTN / 4;
        assertThat(chain.balance(m1)).isEqualTo(START_BALANCE - 30 * MTN + 20 * MTN + share);
        for (Address m : List.of(m2, m3, m4)) {
            assertThat(chain.balance(m)).isEqualTo(START_BALANCE - 30 * MTN + share);
        }
        assertThat(chain.balance(initiator)).as("collateral returned").isEqualTo(START_BALANCE);
        assertThat(chain.events("refunded")).hasSize(4);
        assertMtnConservedAndPoolEmpty(pool);
        assertThat(intAt(state(pool), 6)).as("settled").isEqualTo(1);
    }

    @Test
    void aLowCreditMemberIsRefusedFromAHighRiskProductButJoinsALowRiskOne() {
        Product highRisk = standard().withCoverage(500 * MTN).withMinCredit(600);
        Address risky = deploy(highRisk, 500 * MTN);
        reverted(chain.call(m1, risky, "join", 10 * MTN), "credit score below the product's minimum");
        assertThat(chain.balance(m1)).as("a refused join keeps the MTN").isEqualTo(START_BALANCE);
        chain.setCredit(m2, 650);
        ok(chain.call(m2, risky, "join", 10 * MTN));

        Address safe = deploy(standard(), 100 * MTN);
        ok(chain.call(m1, safe, "join", 10 * MTN));
    }

    @Test
    void aHighRiskProductThatWouldAdmitNewMembersCannotBePublished() {
        Address pool = chain.deploy("MutualAidPool");
        reverted(chain.call(initiator, pool, "init", 500 * MTN, standard().withCoverage(500 * MTN).withMinCredit(500).args()),
                "coverage of 20 premiums or more is high-risk: min_credit must be at least 550");
        reverted(chain.call(initiator, pool, "init", 10 * MTN, standard().args()), "post collateral of at least the coverage with init");
        assertThat(chain.balance(initiator)).isEqualTo(START_BALANCE);
    }

    @Test
    void nonMembersCannotClaimAndClaimantsCannotVoteOnTheirOwnClaim() {
        Address pool = deploy(standard(), 100 * MTN);
        ok(chain.call(m1, pool, "join", 30 * MTN));
        ok(chain.call(m2, pool, "join", 30 * MTN));
        reverted(chain.call(m1, pool, "claim", 0, Value.of(MTN), evidence("early")), "cover has not started yet");
        chain.advance(5);
        ok(chain.call(initiator, pool, "collect", 0));
        reverted(chain.call(outsider, pool, "claim", 0, Value.of(MTN), evidence("not mine")), "only active members can file a claim");
        reverted(chain.call(initiator, pool, "claim", 0, Value.of(MTN), evidence("mine")), "only active members can file a claim");
        long id = okInt(chain.call(m1, pool, "claim", 0, Value.of(MTN), evidence("flu")));
        reverted(chain.call(m1, pool, "approve", 0, Value.of(id)), "a claimant cannot vote on their own claim");
        reverted(chain.call(outsider, pool, "approve", 0, Value.of(id)), "only active members can vote on claims");
        reverted(chain.call(m2, pool, "claim", 0, Value.of(51 * MTN), evidence("too much")), "claim amount exceeds the coverage");
        reverted(chain.call(m2, pool, "claim", 0, Value.of(MTN), Value.of(new byte[5])), "evidence must be a 32-byte hash");
    }

    @Test
    void theArbiterRulesAndNobodyElseCan() {
        Address pool = deploy(standard(), 100 * MTN);
        ok(chain.call(m1, pool, "join", 30 * MTN));
        ok(chain.call(m2, pool, "join", 30 * MTN));
        chain.advance(5);
        ok(chain.call(initiator, pool, "collect", 0));
        long id = okInt(chain.call(m1, pool, "claim", 0, Value.of(15 * MTN), evidence("broken arm")));
        reverted(chain.call(m2, pool, "rule", 0, Value.of(id), Value.of(1)), "only the arbiter may rule on claims");
        ok(chain.call(arbiter, pool, "rule", 0, Value.of(id), Value.of(1)));
        assertThat(chain.balance(m1)).as("the pool held 20 MTN; 15 paid").isEqualTo(START_BALANCE - 30 * MTN + 15 * MTN);
        reverted(chain.call(arbiter, pool, "rule", 0, Value.of(id), Value.of(0)), "the claim is no longer pending");
    }

    @Test
    void anInvitationOnlyPoolAdmitsOnlyInvitedMembers() {
        Address pool = deploy(standard().withInvitedOnly(), 100 * MTN);
        reverted(chain.call(m1, pool, "join", 10 * MTN), "this pool is open to invited members only");
        reverted(chain.call(m2, pool, "invite", 0, Value.of(m1.toBytes())), "only the initiator may do this");
        ok(chain.call(initiator, pool, "invite", 0, Value.of(m1.toBytes())));
        ok(chain.call(m1, pool, "join", 10 * MTN));
        reverted(chain.call(m1, pool, "join", 10 * MTN), "already joined this pool");
        reverted(chain.call(outsider, pool, "join", 10 * MTN), "this pool is open to invited members only");
    }

    @Test
    void onlyCommunityMembersJoinAndOnlyDuringEnrolment() {
        Address pool = deploy(standard(), 100 * MTN);
        reverted(chain.call(outsider, pool, "join", 10 * MTN), "only community members may join");
        reverted(chain.call(m1, pool, "join", 9 * MTN), "send at least one premium when joining");
        reverted(chain.call(initiator, pool, "join", 10 * MTN), "the initiator cannot join its own pool");
        chain.advance(5);
        reverted(chain.call(m1, pool, "join", 10 * MTN), "enrolment is over: the term has started");
    }

    @Test
    void aMemberWhoCannotPayAPremiumLapsesAndGetsOnlyTheirDepositBack() {
        Address pool = deploy(standard(), 100 * MTN);
        ok(chain.call(m1, pool, "join", 10 * MTN));
        ok(chain.call(m2, pool, "join", 25 * MTN));
        chain.advance(5);
        ok(chain.call(initiator, pool, "collect", 0));
        chain.advance(10);
        ok(chain.call(initiator, pool, "collect", 0));
        assertThat(intAt(member(pool, m1), 0)).as("m1 lapsed").isEqualTo(2);
        assertThat(chain.events("lapsed")).singleElement().satisfies(e -> assertThat(e.subject()).isEqualTo(m1));
        ok(chain.call(m2, pool, "fund", 10 * MTN));
        reverted(chain.call(m1, pool, "fund", 10 * MTN), "only active members can fund premiums");
        reverted(chain.call(outsider, pool, "collect", 0), "only the initiator may do this");
        reverted(chain.call(initiator, pool, "collect", 0), "this period has not started yet");
        chain.advance(10);
        ok(chain.call(initiator, pool, "collect", 0));
        chain.advance(10);
        ok(chain.call(m1, pool, "settle", 0));
        assertThat(chain.balance(m1)).as("one premium paid, no share").isEqualTo(START_BALANCE - 10 * MTN);
        assertThat(chain.balance(m2)).as("the pool, m1's premium included, goes to the one compliant member")
                .isEqualTo(START_BALANCE + 10 * MTN);
        assertMtnConservedAndPoolEmpty(pool);
    }

    @Test
    void anInitiatorWhoSkipsAPeriodForfeitsTheCollateralToTheActiveMembers() {
        long collateral = 100 * MTN + 1;   // does not divide by 3: the remainder goes to the last member
        Address pool = deploy(standard(), collateral);
        ok(chain.call(m1, pool, "join", 30 * MTN));
        ok(chain.call(m2, pool, "join", 30 * MTN));
        ok(chain.call(m3, pool, "join", 30 * MTN));
        ok(chain.call(m4, pool, "join", 10 * MTN));
        chain.advance(5);
        ok(chain.call(initiator, pool, "collect", 0));
        chain.advance(10);
        reverted(chain.call(m1, pool, "declare_default", 0), "the initiator may still collect this period");
        ok(chain.call(m4, pool, "leave", 0));
        chain.advance(10);
        ok(chain.call(m1, pool, "declare_default", 0));
        reverted(chain.call(initiator, pool, "collect", 0), "the initiator defaulted: the pool is winding down (call settle)");
        ok(chain.call(m2, pool, "settle", 0));

        long colShare = collateral / 3;
        long poolShare = 40 * MTN / 3;   // the four premiums of period 0: m4's stays in the pool after m4 left
        assertThat(chain.balance(m1)).isEqualTo(START_BALANCE - 10 * MTN + poolShare + colShare);
        assertThat(chain.balance(m3)).as("the last active member takes the rounding remainders")
                .isEqualTo(START_BALANCE - 10 * MTN + (40 * MTN - 2 * poolShare) + (collateral - 2 * colShare));
        assertThat(chain.balance(initiator)).as("collateral forfeited").isEqualTo(START_BALANCE - collateral);
        assertMtnConservedAndPoolEmpty(pool);
        assertThat(chain.events("initiator_defaulted")).singleElement().satisfies(e -> assertThat(e.subject()).isEqualTo(initiator));
    }

    @Test
    void aPayoutTheLedgerRefusesIsHeldUntilItsRecipientWithdrawsIt() {
        Address pool = deploy(standard(), 100 * MTN);
        ok(chain.call(m1, pool, "join", 30 * MTN));
        ok(chain.call(m2, pool, "join", 30 * MTN));
        chain.advance(5);
        for (int period = 0; period < 3; period++) {
            ok(chain.call(initiator, pool, "collect", 0));
            chain.advance(10);
        }
        chain.refuse(m2, true);
        ok(chain.call(outsider, pool, "settle", 0));
        assertThat(chain.balance(m1)).isEqualTo(START_BALANCE);
        assertThat(chain.balance(pool)).as("m2's refund is held").isEqualTo(30 * MTN);
        assertThat(intAt(member(pool, m2), 4)).isEqualTo(30 * MTN);
        reverted(chain.call(m2, pool, "withdraw", 0), "the ledger refused the transfer");
        chain.refuse(m2, false);
        ok(chain.call(m2, pool, "withdraw", 0));
        reverted(chain.call(m2, pool, "withdraw", 0), "nothing is held for you");
        assertMtnConservedAndPoolEmpty(pool);
    }

    @Test
    void functionsThatDoNotAccountForMtnRefuseIt() {
        Address pool = deploy(standard(), 100 * MTN);
        ok(chain.call(m1, pool, "join", 30 * MTN));
        ExecutionResult r = chain.call(initiator, pool, "collect", 5);
        reverted(r, "this function takes no MTN");
        assertThat(chain.balance(initiator)).isEqualTo(START_BALANCE - 100 * MTN);
    }

    @Test
    void aFullPoolOfSixtyFourMembersCollectsAndSettlesWellWithinTheGasBound() {
        Address pool = deploy(standard().withMaxMembers(64), 100 * MTN);
        for (int n = 0; n < 64; n++) {
            ok(chain.call(chain.member(100 + n, START_BALANCE, 1, 500), pool, "join", 30 * MTN));
        }
        Address late = chain.member(200, START_BALANCE, 1, 500);
        reverted(chain.call(late, pool, "join", 30 * MTN), "the pool is full");
        chain.advance(5);
        long worst = 0;
        for (int period = 0; period < 3; period++) {
            ExecutionResult r = chain.call(initiator, pool, "collect", 0);
            ok(r);
            worst = Math.max(worst, r.gasUsed());
            chain.advance(10);
        }
        ExecutionResult settled = chain.call(outsider, pool, "settle", 0);
        ok(settled);
        System.out.printf("MutualAidPool with 64 members: collect %d gas, settle %d gas%n", worst, settled.gasUsed());
        assertThat(chain.totalBalance()).isEqualTo(totalBefore + 65 * START_BALANCE);
        assertThat(chain.balance(pool)).isZero();
    }
}
