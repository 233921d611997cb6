package io.mutualchain.node.e2e;

import static io.mutualchain.node.e2e.ScenarioDriver.UNIT;
import static io.mutualchain.node.e2e.ScenarioDriver.eventNames;
import static io.mutualchain.node.e2e.ScenarioDriver.intAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MutualAidPool walk-through of docs/contracts.md on a real dev node, driven through the CLI:
 * five community members join a pool with collateral, three periods of premiums are collected, one
 * claim is approved by a quorum and paid, another is rejected by vote, a member leaves with the exit
 * penalty, and after the term everyone is refunded. The books must close to the base unit: what the
 * people and the contract hold at the end plus the fees their transactions paid is what they held
 * before the pool existed, the contract ends empty, and the supply is still 400,000,000 MTN.
 */
class MutualAidPoolIT {
    private static final Path TEMPLATE = Path.of("..", "contracts", "MutualAidPool.masm");
    /*
     * The node is quiet (NodeProcess.startQuietDev): its height moves only when a transaction
     * commits, at most one block per transaction, and the scenario moves it past a deadline with
     * filler transfers (ScenarioDriver.advanceTo). So a step that must happen before a deadline
     * makes it whatever the machine's speed, as long as the blocks up to the deadline outnumber the
     * transactions the step sends: twice as many here.
     */
    /** Transactions of the enrolment (five joins) and of the busiest period (collect, claim, three votes). */
    private static final long ENROL_TXS = 5;
    private static final long PERIOD_TXS_MAX = 5;
    private static final long ENROL_BLOCKS = 2 * ENROL_TXS;
    private static final long PERIOD_BLOCKS = 2 * PERIOD_TXS_MAX;
    private static final long TERM_PERIODS = 3;
    private static final long PREMIUM = 10 * UNIT;
    private static final long COVERAGE = 50 * UNIT;
    private static final long COLLATERAL = 100 * UNIT;
    private static final long PENALTY = 5 * UNIT;
    private static final long QUORUM = 3;

    @TempDir
    Path tmp;

    @Test
    void aPoolCollectsPaysOneClaimRejectsAnotherChargesAnExitAndRefundsEveryBaseUnitOnARealNode() throws Exception {
        assertThat(TEMPLATE).as("the MutualAidPool template").exists();
        Path data = tmp.resolve("dev");
        int port = NodeProcess.freePort();
        String rpcUrl = "http://127.0.0.1:" + port;
        try (NodeProcess node = NodeProcess.startQuietDev(data, port, tmp.resolve("logs"));
             ScenarioDriver d = new ScenarioDriver(rpcUrl, tmp, KeyFile.read(data.resolve("developer.key.json")))) {
            String dev = data.resolve("developer.key.json").toString();
            String devAddr = KeyFile.read(Path.of(dev)).address().toString();
            List<String> addr = d.newKeys("initiator", "arbiter", "m1", "m2", "m3", "m4", "m5");
            String initiator = addr.get(0);
            String arbiter = addr.get(1);
            List<String> members = addr.subList(2, 7);
            String ini = d.keyFile("initiator");
            List<String> mk = List.of(d.keyFile("m1"), d.keyFile("m2"), d.keyFile("m3"), d.keyFile("m4"), d.keyFile("m5"));

            // Setup: fund the initiator and the members, who join the community (Level 1, credit 500).
            List<String> amounts = new ArrayList<>(List.of("101"));
            amounts.addAll(Collections.nCopies(5, "42"));
            List<String> funded = new ArrayList<>(List.of(initiator));
            funded.addAll(members);
            d.fund(dev, devAddr, funded, amounts);
            List<String[]> joinCommunity = new ArrayList<>();
            for (String k : mk) {
                joinCommunity.add(new String[] {"member", "join", "--key", k, "--age", "40", "--gender", "x", "--beneficiary", "family"});
            }
            d.okAll(joinCommunity);

            List<String> people = new ArrayList<>(addr);
            long heldBefore = d.held(people);
            long[] before = new long[5];
            for (int i = 0; i < 5; i++) {
                before[i] = d.balance(members.get(i));
            }
            long initiatorBefore = d.balance(initiator);
            d.resetFees();

            // Deploy with 100 MTN collateral: health cover of 50 MTN for 10 MTN a period, quorum 3, 5 MTN exit penalty.
            String subject = "0x" + Hex.encode(Sha256.hash("health terms v1".getBytes(StandardCharsets.UTF_8)).toBytes());
            JsonNode deployed = d.ok("contract", "deploy", TEMPLATE.toString(), "--key", ini, "--value", "100", "--args",
                    "1", Long.toString(COVERAGE), Long.toString(PREMIUM), Long.toString(PERIOD_BLOCKS), Long.toString(TERM_PERIODS), "8",
                    "300", "0", Long.toString(QUORUM), arbiter, Long.toString(PENALTY), subject, Long.toString(ENROL_BLOCKS));
            String pool = deployed.path("contractAddress").asText();
            assertThat(eventNames(deployed)).containsExactly("pool_created");
            System.out.println("MutualAidPool deploy: gas " + deployed.path("gasUsed").asLong() + ", fee " + deployed.path("feePaid").asText()
                    + " MTN, height " + deployed.path("height").asLong());
            people.add(pool);

            // Enrolment: m1-m4 deposit 30 MTN, m5 40 MTN.
            List<String[]> joins = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                joins.add(new String[] {"contract", "call", pool, "join", "--key", mk.get(i), "--value", i < 4 ? "30" : "40"});
            }
            List<JsonNode> joined = d.okAll(joins);
            joined.forEach(r -> assertThat(eventNames(r)).containsExactly("joined"));
            JsonNode terms = d.ok("contract", "read", pool, "terms");
            long start = intAt(terms, 5);
            long end = intAt(terms, 6);
            assertThat(end - start).isEqualTo(TERM_PERIODS * PERIOD_BLOCKS);
            long enrolled = lastHeight(joined);
            assertThat(enrolled).as("every member joined during enrolment").isPositive().isLessThan(start);
            assertThat(intAt(d.ok("contract", "read", pool, "state"), 1)).as("active members").isEqualTo(5);

            // Period 0: premiums into the pool (50 MTN); m1's claim of 20 MTN is approved by m2, m3, m4 and paid.
            d.advanceTo(start);
            JsonNode collected = d.ok("contract", "call", pool, "collect", "--key", ini);
            assertThat(eventNames(collected)).containsOnly("premium_paid", "premiums_collected");
            String evidenceA = "0x" + Hex.encode(Sha256.hash("hospital invoice 17".getBytes(StandardCharsets.UTF_8)).toBytes());
            JsonNode claimA = d.ok("contract", "call", pool, "claim", Long.toString(20 * UNIT), evidenceA, "--key", mk.get(0));
            long idA = intAt(claimA, 0);
            List<JsonNode> approvals = d.okAll(List.of(
                    new String[] {"contract", "call", pool, "approve", Long.toString(idA), "--key", mk.get(1)},
                    new String[] {"contract", "call", pool, "approve", Long.toString(idA), "--key", mk.get(2)},
                    new String[] {"contract", "call", pool, "approve", Long.toString(idA), "--key", mk.get(3)}));
            assertThat(approvals.stream().filter(r -> eventNames(r).contains("claim_paid")).count())
                    .as("exactly one approval, the deciding one, pays").isEqualTo(1);
            JsonNode infoA = d.ok("contract", "read", pool, "claim_info", Long.toString(idA));
            assertThat(intAt(infoA, 2)).as("claim A paid").isEqualTo(2);
            assertThat(intAt(infoA, 3)).as("approvals").isEqualTo(3);

            // Period 1: collected (pool 80); m2's claim of 30 MTN is rejected by m1 and m3 (4 voters, quorum 3);
            // meanwhile m5 leaves: 20 MTN left in deposit, 5 MTN penalty to the pool, 15 MTN back.
            d.advanceTo(start + PERIOD_BLOCKS);
            d.ok("contract", "call", pool, "collect", "--key", ini);
            String evidenceB = "0x" + Hex.encode(Sha256.hash("roof, no photo".getBytes(StandardCharsets.UTF_8)).toBytes());
            long idB = intAt(d.ok("contract", "call", pool, "claim", Long.toString(30 * UNIT), evidenceB, "--key", mk.get(1)), 0);
            List<JsonNode> votesAndExit = d.okAll(List.of(
                    new String[] {"contract", "call", pool, "reject", Long.toString(idB), "--key", mk.get(0)},
                    new String[] {"contract", "call", pool, "reject", Long.toString(idB), "--key", mk.get(2)},
                    new String[] {"contract", "call", pool, "leave", "--key", mk.get(4)}));
            assertThat(votesAndExit.stream().filter(r -> eventNames(r).contains("claim_rejected")).count()).isEqualTo(1);
            assertThat(eventNames(votesAndExit.get(2))).containsExactly("left");
            long voted = lastHeight(votesAndExit);
            assertThat(voted).as("the claim, the votes and the exit happened during the term").isPositive().isLessThan(end);
            assertThat(intAt(d.ok("contract", "read", pool, "claim_info", Long.toString(idB)), 2)).as("claim B rejected").isEqualTo(3);

            // Period 2: collected from m1-m4 (pool 125); approving the rejected claim is refused and still pays its fee.
            d.advanceTo(start + 2 * PERIOD_BLOCKS);
            d.ok("contract", "call", pool, "collect", "--key", ini);
            d.reverted("the claim is no longer pending", "contract", "call", pool, "approve", Long.toString(idB), "--key", mk.get(3));
            assertThat(intAt(d.ok("contract", "read", pool, "state"), 2)).as("pool").isEqualTo(125 * UNIT);

            // After the end: settle refunds everyone; m1-m4 share the pool, having each paid three periods.
            d.advanceTo(end);
            JsonNode settled = d.ok("contract", "call", pool, "settle", "--key", ini);
            assertThat(eventNames(settled)).contains("settled").filteredOn("refunded"::equals).hasSize(4);
            d.reverted("already settled", "contract", "call", pool, "settle", "--key", ini);

            long share = 125 * UNIT / 4;
            assertThat(d.balance(members.get(0)) + d.feesOf(mk.get(0))).as("m1: paid 30, claim 20, share")
                    .isEqualTo(before[0] - 30 * UNIT + 20 * UNIT + share);
            for (int i = 1; i < 4; i++) {
                assertThat(d.balance(members.get(i)) + d.feesOf(mk.get(i))).as("m" + (i + 1)).isEqualTo(before[i] - 30 * UNIT + share);
            }
            assertThat(d.balance(members.get(4)) + d.feesOf(mk.get(4))).as("m5: 40 in, 15 back").isEqualTo(before[4] - 25 * UNIT);
            assertThat(d.balance(initiator) + d.feesOf(ini)).as("collateral returned").isEqualTo(initiatorBefore);
            assertThat(d.balance(pool)).as("the pool contract's balance").isZero();

            assertThat(d.held(people) + d.fees()).as("balances + fees paid = balances before").isEqualTo(heldBefore);
            assertThat(d.totalSupplyUnits()).isEqualTo(ScenarioDriver.SUPPLY_UNITS);
            System.out.println("MutualAidPool scenario: fees " + d.fees() + " base units, settle gas " + settled.path("gasUsed").asLong()
                    + "; heights: enrolled at " + enrolled + " (start " + start + "), period-1 work done at " + voted + " (end " + end
                    + "), final " + d.height());
            assertThat(node.isAlive()).isTrue();
        }
    }

    private static long lastHeight(List<JsonNode> receipts) {
        return receipts.stream().mapToLong(r -> r.path("height").asLong()).max().orElseThrow();
    }
}
