package io.mutualchain.vm.templates;

import io.mutualchain.core.types.Address;
import io.mutualchain.vm.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mutualchain.vm.templates.Outcome.intAt;
import static io.mutualchain.vm.templates.Outcome.ok;
import static io.mutualchain.vm.templates.Outcome.reverted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * P2PLoan: disbursement, instalments on time and late, default after the grace period, and the
 * events the ledger reads to move the borrower's credit score.
 */
class P2PLoanTest {
    static final long MTN = 100_000_000L;
    static final long START_BALANCE = 1_000 * MTN;
    static final long PRINCIPAL = 100 * MTN;
    static final long PERIOD = 100;
    static final long GRACE = 20;
    static final long LATE_FEE = MTN;
    static final GasLog GAS = new GasLog();

    final TestLedger chain = new TestLedger(GAS);
    final Address lender = chain.member(1, START_BALANCE, 2, 700);
    final Address borrower = chain.member(2, START_BALANCE, 1, 500);
    final Address other = chain.member(3, START_BALANCE, 1, 500);
    final long totalBefore = chain.totalBalance();

    /** 100 MTN at 10% flat in 3 instalments of 100 blocks, 20 blocks of grace, 1 MTN late fee. */
    Address offer() {
        Address loan = chain.deploy("P2PLoan");
        ok(chain.call(lender, loan, "init", PRINCIPAL, Value.of(borrower.toBytes()), Value.of(PRINCIPAL), Value.of(1_000),
                Value.of(3), Value.of(PERIOD), Value.of(GRACE), Value.of(LATE_FEE)));
        return loan;
    }

    Address disbursed() {
        Address loan = offer();
        ok(chain.call(borrower, loan, "accept", 0));
        return loan;
    }

    List<Value> due(Address loan) {
        return ok(chain.call(other, loan, "due", 0));
    }

    void payDue(Address loan) {
        ok(chain.call(borrower, loan, "repay", intAt(due(loan), 0)));
    }

    @AfterAll
    static void reportGas() {
        GAS.report();
    }

    @Test
    void acceptingDisbursesThePrincipalAndOnTimeInstalmentsRepayPrincipalAndInterest() {
        Address loan = offer();
        reverted(chain.call(other, loan, "accept", 0), "only the borrower may accept");
        ok(chain.call(borrower, loan, "accept", 0));
        assertThat(chain.balance(borrower)).isEqualTo(START_BALANCE + PRINCIPAL);
        assertThat(chain.events("disbursed")).singleElement().satisfies(e -> assertThat(e.subject()).isEqualTo(borrower));

        long total = PRINCIPAL + PRINCIPAL / 10;   // 110 MTN: 3,666,666,666 twice and 3,666,666,668 last
        long first = total / 3;
        for (int k = 0; k < 3; k++) {
            chain.advance(PERIOD);
            List<Value> d = due(loan);
            assertThat(intAt(d, 2)).as("late").isZero();
            assertThat(intAt(d, 0)).isEqualTo(k < 2 ? first : total - 2 * first);
            payDue(loan);
        }
        reverted(chain.call(borrower, loan, "repay", first), "the loan is not active");
        List<Value> status = ok(chain.call(other, loan, "status", 0));
        assertThat(intAt(status, 0)).as("state repaid").isEqualTo(3);
        assertThat(intAt(status, 3)).as("outstanding").isZero();
        assertThat(chain.events("loan_repaid")).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(borrower);
            assertThat(e.intAt(0)).isEqualTo(total);
        });
        assertThat(chain.events("late_payment")).isEmpty();

        reverted(chain.call(borrower, loan, "withdraw", 0), "only the lender may withdraw");
        ok(chain.call(lender, loan, "withdraw", 0));
        assertThat(chain.balance(lender)).isEqualTo(START_BALANCE + total - PRINCIPAL);
        assertThat(chain.balance(borrower)).isEqualTo(START_BALANCE + PRINCIPAL - total);
        assertThat(chain.balance(loan)).isZero();
        assertThat(chain.totalBalance()).isEqualTo(totalBefore);
    }

    @Test
    void aLatePaymentWithinTheGracePeriodCostsTheLateFee() {
        Address loan = disbursed();
        chain.advance(PERIOD + 5);
        List<Value> d = due(loan);
        assertThat(intAt(d, 2)).as("late").isEqualTo(1);
        long instalment = (PRINCIPAL + PRINCIPAL / 10) / 3;
        assertThat(intAt(d, 0)).isEqualTo(instalment + LATE_FEE);
        reverted(chain.call(borrower, loan, "repay", instalment), "send exactly the amount due (see due())");
        ok(chain.call(borrower, loan, "repay", instalment + LATE_FEE));
        assertThat(chain.events("late_payment")).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(borrower);
            assertThat(e.intAt(0)).as("instalment index").isZero();
            assertThat(e.intAt(2)).as("fee").isEqualTo(LATE_FEE);
        });
        List<Value> status = ok(chain.call(other, loan, "status", 0));
        assertThat(intAt(status, 1)).as("instalments paid").isEqualTo(1);
        assertThat(intAt(status, 4)).as("collected for the lender, fee included").isEqualTo(instalment + LATE_FEE);
    }

    @Test
    void anInstalmentUnpaidAfterTheGracePeriodPutsTheLoanInDefault() {
        Address loan = disbursed();
        chain.advance(PERIOD);
        payDue(loan);
        chain.advance(PERIOD + GRACE);
        reverted(chain.call(other, loan, "mark_default", 0), "the next instalment is still within its grace period");
        chain.advance(1);
        reverted(chain.call(borrower, loan, "repay", (PRINCIPAL + PRINCIPAL / 10) / 3 + LATE_FEE),
                "the instalment is past its grace period: the loan is in default");
        ok(chain.call(other, loan, "mark_default", 0));
        long total = PRINCIPAL + PRINCIPAL / 10;
        assertThat(chain.events("loan_defaulted")).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(borrower);
            assertThat(e.intAt(0)).as("missed instalment index").isEqualTo(1);
            assertThat(e.intAt(2)).as("outstanding").isEqualTo(total - total / 3);
        });
        reverted(chain.call(other, loan, "mark_default", 0), "the loan is not active");
        ok(chain.call(lender, loan, "withdraw", 0));
        assertThat(chain.balance(loan)).isZero();
        assertThat(chain.totalBalance()).isEqualTo(totalBefore);
    }

    @Test
    void anOfferNeedsTheExactPrincipalAndTheLenderMayCancelItBeforeAcceptance() {
        Address loan = chain.deploy("P2PLoan");
        reverted(chain.call(lender, loan, "init", PRINCIPAL - 1, Value.of(borrower.toBytes()), Value.of(PRINCIPAL),
                Value.of(1_000), Value.of(3), Value.of(PERIOD), Value.of(GRACE), Value.of(LATE_FEE)), "send exactly the principal with init");
        reverted(chain.call(lender, loan, "init", PRINCIPAL, Value.of(lender.toBytes()), Value.of(PRINCIPAL),
                Value.of(1_000), Value.of(3), Value.of(PERIOD), Value.of(GRACE), Value.of(LATE_FEE)), "the lender cannot borrow from itself");
        Address offered = offer();
        reverted(chain.call(borrower, offered, "cancel", 0), "only the lender may cancel");
        ok(chain.call(lender, offered, "cancel", 0));
        reverted(chain.call(borrower, offered, "accept", 0), "the loan is not on offer");
        assertThat(chain.balance(lender)).isEqualTo(START_BALANCE);
        assertThat(chain.totalBalance()).isEqualTo(totalBefore);
    }
}
