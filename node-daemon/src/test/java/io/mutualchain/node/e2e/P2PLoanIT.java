package io.mutualchain.node.e2e;

import static io.mutualchain.node.e2e.ScenarioDriver.UNIT;
import static io.mutualchain.node.e2e.ScenarioDriver.eventNames;
import static io.mutualchain.node.e2e.ScenarioDriver.intAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.KeyFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A P2PLoan on a real dev node, driven through the CLI: 100 MTN at 10% flat interest in four
 * instalments. The borrower accepts (the principal is disbursed), pays two instalments on time,
 * pays the third after its due height with the late fee, and misses the fourth: once its grace
 * period has passed a repayment is refused and the default is recorded. The lender withdraws what
 * was repaid. The books close to the base unit, the contract ends empty, the supply is unchanged.
 */
class P2PLoanIT {
    private static final Path TEMPLATE = Path.of("..", "contracts", "P2PLoan.masm");
    private static final long PRINCIPAL = 100 * UNIT;
    private static final long INTEREST_BPS = 1_000;
    private static final long INSTALMENTS = 4;
    /*
     * The node is quiet (NodeProcess.startQuietDev): its height moves only when a transaction
     * commits, and the scenario moves it past a due height with filler transfers
     * (ScenarioDriver.advanceTo). A repayment that must come by a due height, or within grace, is
     * then on time whatever the machine's speed, as long as the blocks allowed outnumber the
     * transactions sent before it (at most two: the on-time repayments): four times as many here.
     */
    /** Blocks between due heights, and after a due height before the loan is in default. */
    private static final long PERIOD_BLOCKS = 8;
    private static final long GRACE_BLOCKS = 8;
    private static final long LATE_FEE = UNIT;
    /** 110 MTN in four equal parts. */
    private static final long INSTALMENT = (PRINCIPAL + PRINCIPAL * INTEREST_BPS / 10_000) / INSTALMENTS;

    @TempDir
    Path tmp;

    @Test
    void aLoanIsDisbursedRepaidOnTimeThenLateWithTheFeeAndDefaultsAfterTheGracePeriodOnARealNode() throws Exception {
        assertThat(TEMPLATE).as("the P2PLoan template").exists();
        assertThat(INSTALMENT).isEqualTo(2_750_000_000L);
        Path data = tmp.resolve("dev");
        int port = NodeProcess.freePort();
        try (NodeProcess node = NodeProcess.startQuietDev(data, port, tmp.resolve("logs"));
             ScenarioDriver d = new ScenarioDriver("http://127.0.0.1:" + port, tmp, KeyFile.read(data.resolve("developer.key.json")))) {
            String dev = data.resolve("developer.key.json").toString();
            List<String> addr = d.newKeys("lender", "borrower");
            String lender = addr.get(0);
            String borrower = addr.get(1);
            String lk = d.keyFile("lender");
            String bk = d.keyFile("borrower");
            d.fund(dev, KeyFile.read(Path.of(dev)).address().toString(), addr, List.of("101", "30"));
            long lenderBefore = d.balance(lender);
            long borrowerBefore = d.balance(borrower);
            d.resetFees();

            JsonNode deployed = d.ok("contract", "deploy", TEMPLATE.toString(), "--key", lk, "--value", "100", "--args", borrower,
                    Long.toString(PRINCIPAL), Long.toString(INTEREST_BPS), Long.toString(INSTALMENTS), Long.toString(PERIOD_BLOCKS),
                    Long.toString(GRACE_BLOCKS), Long.toString(LATE_FEE));
            String loan = deployed.path("contractAddress").asText();
            assertThat(eventNames(deployed)).containsExactly("loan_offered");
            assertThat(intAt(d.ok("contract", "read", loan, "status"), 0)).as("offered").isEqualTo(1);
            System.out.println("P2PLoan deploy: gas " + deployed.path("gasUsed").asLong() + ", fee " + deployed.path("feePaid").asText() + " MTN");

            // Disbursement: the schedule starts at the accept's height.
            JsonNode accepted = d.ok("contract", "call", loan, "accept", "--key", bk);
            assertThat(eventNames(accepted)).containsExactly("disbursed");
            long start = accepted.path("height").asLong();
            assertThat(start).isPositive();
            assertThat(d.balance(loan)).as("the principal left the escrow").isZero();
            assertThat(d.balance(borrower) + d.feesOf(bk)).isEqualTo(borrowerBefore + PRINCIPAL);

            // Instalments 1 and 2, on time: principal and interest, no fee.
            for (int k = 1; k <= 2; k++) {
                JsonNode due = d.ok("contract", "read", loan, "due");
                assertThat(intAt(due, 0)).as("instalment " + k).isEqualTo(INSTALMENT);
                assertThat(intAt(due, 1)).as("due height").isEqualTo(start + k * PERIOD_BLOCKS);
                assertThat(intAt(due, 2)).as("late").isZero();
                JsonNode paid = d.ok("contract", "call", loan, "repay", "--value", "27.5", "--key", bk);
                assertThat(eventNames(paid)).containsExactly("instalment_paid");
                assertThat(paid.path("height").asLong()).as("paid by its due height").isLessThanOrEqualTo(start + k * PERIOD_BLOCKS);
            }

            // Instalment 3, after its due height but within grace: the late fee is added.
            long due3 = start + 3 * PERIOD_BLOCKS;
            d.advanceTo(due3 + 1);
            JsonNode lateDue = d.ok("contract", "read", loan, "due");
            assertThat(intAt(lateDue, 2)).as("late").isEqualTo(1);
            assertThat(intAt(lateDue, 0)).isEqualTo(INSTALMENT + LATE_FEE);
            JsonNode late = d.ok("contract", "call", loan, "repay", "--value", "28.5", "--key", bk);
            assertThat(eventNames(late)).containsExactly("late_payment", "instalment_paid");
            assertThat(late.path("height").asLong()).as("within grace").isGreaterThan(due3).isLessThanOrEqualTo(due3 + GRACE_BLOCKS);

            // Instalment 4 is missed: past due + grace a repayment is refused (it still pays its fee) and the default is recorded.
            long due4 = start + 4 * PERIOD_BLOCKS;
            d.advanceTo(due4 + GRACE_BLOCKS);
            d.reverted("the instalment is past its grace period: the loan is in default",
                    "contract", "call", loan, "repay", "--value", "28.5", "--key", bk);
            JsonNode defaulted = d.ok("contract", "call", loan, "mark_default", "--key", lk);
            assertThat(eventNames(defaulted)).containsExactly("loan_defaulted");
            JsonNode status = d.ok("contract", "read", loan, "status");
            assertThat(intAt(status, 0)).as("defaulted").isEqualTo(4);
            assertThat(intAt(status, 1)).as("instalments paid").isEqualTo(3);
            assertThat(intAt(status, 3)).as("outstanding").isEqualTo(INSTALMENT);
            assertThat(intAt(status, 4)).as("collected for the lender, fee included").isEqualTo(3 * INSTALMENT + LATE_FEE);

            JsonNode withdrawn = d.ok("contract", "call", loan, "withdraw", "--key", lk);
            assertThat(eventNames(withdrawn)).containsExactly("withdrawn");
            long repaid = 3 * INSTALMENT + LATE_FEE;
            assertThat(d.balance(loan)).as("the loan contract's balance").isZero();
            assertThat(d.balance(lender) + d.feesOf(lk)).isEqualTo(lenderBefore - PRINCIPAL + repaid);
            assertThat(d.balance(borrower) + d.feesOf(bk)).isEqualTo(borrowerBefore + PRINCIPAL - repaid);
            assertThat(d.held(List.of(lender, borrower, loan)) + d.fees()).as("balances + fees paid = balances before")
                    .isEqualTo(lenderBefore + borrowerBefore);
            assertThat(d.totalSupplyUnits()).isEqualTo(ScenarioDriver.SUPPLY_UNITS);
            System.out.println("P2PLoan scenario: fees " + d.fees() + " base units, final height " + d.height());
            assertThat(node.isAlive()).isTrue();
        }
    }
}
