package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.node.config.NodeConfigFile;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's reproduction on real processes: one of four validators runs with its clock 800 days
 * ahead (testOnly.clockOffsetMs) and is the primary of view 0. Its block never gets a quorum (the
 * honest validators refuse it as untimely and change view), the team's vesting stays locked, a big
 * transfer from the team key is refused, block time stays within the bound of real time, and the
 * chain keeps committing. The skewed node and the honest ones say so in WARN lines and metrics.
 */
class SkewedClockIT {
    /** Four JVMs starting at once on a busy 2-core machine take a while; every later step is quick. */
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final long DAYS_800_MS = 800L * 24 * 3600 * 1000;
    /** The primary of view 0: it proposes block 1 with its clock as soon as it has links to a quorum. */
    private static final int SKEWED = 0;
    private static final List<Integer> ALL = List.of(0, 1, 2, 3);
    private static final List<Integer> HONEST = List.of(1, 2, 3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aValidatorWithItsClock800DaysAheadCannotMoveBlockTimeOrUnlockVestingAndIsReplacedAsPrimary() throws Exception {
        long startedMs = System.currentTimeMillis();
        try (Cluster c = Cluster.create(tmp.resolve("net"), 4, 0)) {
            skew(c.members().get(SKEWED).config(), DAYS_800_MS);
            KeyPair team = KeyFile.read(c.dir().resolve("team.key.json"));
            KeyPair faucet = KeyFile.read(c.faucetKey());
            // The skewed node first, so that it is up before the others could time out of view 0 without it.
            c.start(SKEWED);
            c.await("the skewed node answers JSON-RPC", START, () -> c.height(SKEWED) >= 0);
            c.startAll();
            try {
                scenario(c, team, faucet, startedMs);
            } catch (AssertionError | Exception e) {
                c.saveLogs(Path.of("target", "skewed-clock-logs"));
                throw e;
            }
        }
    }

    private void scenario(Cluster c, KeyPair team, KeyPair faucet, long startedMs) throws Exception {
        c.awaitHeight(ALL, 3, START);
        for (int i : ALL) {
            assertThat(locked(c, i, team)).as("team's locked MTN on node %d at the start", i).isEqualTo("80000000");
        }

        // Its block 1, stamped 800 days ahead, got no quorum: the honest validators refused it as untimely
        // and changed view, and the next primary's blocks carry honest time.
        String skewedKey = KeyFile.read(NodeConfigFile.read(c.members().get(SKEWED).config()).keyFile()).publicKey().toString();
        long refusedByHonest = 0;
        for (int i : HONEST) {
            refusedByHonest += metric(c, i, "mc_proposals_untimely_total");
        }
        assertThat(refusedByHonest).as("proposals refused as untimely by honest validators").isPositive();
        assertThat(HONEST.stream().map(i -> log(c, i)).filter(l -> l.contains("proposed by " + skewedKey + ": block time")
                && l.contains("is after the bound"))).as("honest validators that refused the skewed primary's block as too far ahead")
                .isNotEmpty();

        // The team key cannot spend locked MTN: refused at admission, or committed as a refusal.
        RpcClient rpc = c.rpc(2);
        Transaction grab = Transaction.sign(rpc.chainId(), team, 0, Mtn.parse("0.01"),
                new Transfer(KeyPair.generate().address(), Mtn.parse("47000000")));
        try {
            rpc.sendRawTransaction(grab.encode());
            JsonNode receipt = rpc.waitForReceipt(grab.id(), STEP);
            assertThat(receipt.path("success").asBoolean()).as("receipt of the team's 47,000,000 MTN transfer: " + receipt).isFalse();
        } catch (RpcException refused) {
            assertThat(refused.getMessage()).as("refusal of the team's transfer").isNotBlank();
        }
        Transaction ok = Transaction.sign(rpc.chainId(), faucet, rpc.account(faucet.address()).nonce(), Mtn.parse("0.01"),
                new Transfer(KeyPair.generate().address(), Mtn.UNIT));
        rpc.sendRawTransaction(ok.encode());
        rpc.waitForReceipt(ok.id(), STEP);

        long head = c.assertAgreement(ALL);
        long nowMs = System.currentTimeMillis();
        long previous = 0;
        for (long height = 1; height <= head; height++) {
            long t = c.rpc(0).call("mc_getBlockByNumber", height).path("timestampMs").asLong();
            assertThat(t).as("time of block %d", height).isGreaterThan(previous)
                    .isBetween(startedMs - ChainParams.DEFAULT_CLOCK_PRECISION_MS, nowMs + ChainParams.DEFAULT_CLOCK_PRECISION_MS);
            previous = t;
        }
        for (int i : ALL) {
            assertThat(locked(c, i, team)).as("team's locked MTN on node %d at the end", i).isEqualTo("80000000");
        }
        c.awaitHeight(ALL, head + 2, STEP); // and it goes on
        assertThat(metric(c, SKEWED, "mc_proposals_untimely_total")).as("honest proposals the skewed node refused").isPositive();
        String skewedLog = Files.readString(c.members().get(SKEWED).log());
        assertThat(skewedLog).contains("TEST ONLY").contains("refused an untimely proposal").contains("clock looks");
    }

    /** Sets testOnly.clockOffsetMs in a node's config file, as a test may and an operator never should. */
    private static void skew(Path config, long offsetMs) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(config.toFile());
        root.putObject("testOnly").put("clockOffsetMs", offsetMs);
        Files.writeString(config, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static String log(Cluster c, int i) {
        try {
            return Files.readString(c.members().get(i).log());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String locked(Cluster c, int i, KeyPair who) throws Exception {
        return c.rpc(i).call("mc_getAccount", who.address().toString()).path("locked").asText();
    }

    private static long view(Cluster c, int i) {
        try {
            return c.status(i).path("view").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long metric(Cluster c, int i, String name) throws Exception {
        for (String line : c.metrics(i).split("\n")) {
            if (line.startsWith(name + " ")) {
                return Long.parseLong(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("metric " + name + " missing on node " + i);
    }
}
