package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.rpc.RpcClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts end to end through the CLI on a real dev node: the MultiSig template is assembled,
 * deployed with two of three owners required and an opening balance, read with 'contract read',
 * a proposal is made, executing it early reverts with its reason (and still pays for gas), a second
 * owner approves, it executes and the recipient is paid; the supply still adds up to 400,000,000 MTN.
 */
class ContractIT {
    private static final Path MULTISIG = Path.of("..", "contracts", "MultiSig.masm");
    private static final long UNIT = 100_000_000L;

    @TempDir
    Path tmp;

    private String rpcUrl;

    private Cli.Result run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--rpc", rpcUrl, "--json"));
        return Cli.run(all.toArray(String[]::new));
    }

    private JsonNode ok(String... args) throws Exception {
        Cli.Result r = run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r.json();
    }

    private static String newKey(String file) throws Exception {
        Cli.Result r = Cli.run("keys", "new", "--out", file, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.json().path("address").asText();
    }

    private static long held(RpcClient client, List<String> addresses) throws Exception {
        long sum = 0;
        for (String a : addresses) {
            sum += Mtn.parse(client.call("mc_getAccount", a).path("balance").asText());
        }
        return sum;
    }

    @Test
    void aMultiSigIsDeployedCalledAndReadThroughTheCliAndTheSupplyAddsUp() throws Exception {
        assertThat(MULTISIG).as("the MultiSig template").exists();
        Path data = tmp.resolve("dev");
        int port = NodeProcess.freePort();
        rpcUrl = "http://127.0.0.1:" + port;
        try (NodeProcess node = NodeProcess.startDev(data, port, tmp.resolve("logs"));
             WsClient ws = WsClient.connect(port, java.time.Duration.ofSeconds(30))) {
            String events = ws.subscribe(1, "contractEvents");
            String dev = data.resolve("developer.key.json").toString();
            String alice = tmp.resolve("alice.key.json").toString();
            String bob = tmp.resolve("bob.key.json").toString();
            String aliceAddr = newKey(alice);
            String bobAddr = newKey(bob);
            String carolAddr = newKey(tmp.resolve("carol.key.json").toString());
            ok("tx", "transfer", "--key", dev, "--to", aliceAddr, "--amount", "100");
            ok("tx", "transfer", "--key", dev, "--to", bobAddr, "--amount", "100");
            String devAddr = Cli.run("keys", "show", "--key", dev, "--json").json().path("address").asText();

            RpcClient client = new RpcClient(URI.create(rpcUrl));
            List<String> people = List.of(devAddr, aliceAddr, bobAddr, carolAddr);
            long heldBefore = held(client, people);
            long feesBefore = Mtn.parse(client.call("mc_getSupply").path("feesPaid").asText());

            Path bin = tmp.resolve("multisig.bin");
            Cli.Result assembled = Cli.run("contract", "assemble", MULTISIG.toString(), "--out", bin.toString(), "--json");
            assertThat(assembled.exitCode()).as(assembled.err()).isZero();
            assertThat(Files.size(bin)).isPositive();

            JsonNode deployed = ok("contract", "deploy", bin.toString(), "--key", dev, "--value", "50", "--gas", "3000000",
                    "--args", aliceAddr + "," + bobAddr + "," + devAddr, "2");
            String wallet = deployed.path("contractAddress").asText();
            assertThat(wallet).startsWith("mc");
            System.out.println("MultiSig deploy: " + Files.size(bin) + " bytes, gas used " + deployed.path("gasUsed").asLong()
                    + ", fee " + deployed.path("feePaid").asText() + " MTN");

            JsonNode owners = ok("contract", "read", wallet, "owners");
            assertThat(owners.path("executionStatus").asText()).isEqualTo("SUCCESS");
            assertThat(owners.path("result").get(1).asLong()).isEqualTo(2);
            JsonNode contract = new RpcClient(URI.create(rpcUrl)).call("mc_getContract", wallet);
            assertThat(contract.path("balanceUnits").asLong()).isEqualTo(50 * UNIT);
            assertThat(contract.path("functions").findValuesAsText("name")).contains("propose", "approve", "execute", "owners");

            JsonNode proposed = ok("contract", "call", wallet, "propose", carolAddr, Long.toString(10 * UNIT), "--key", alice);
            assertThat(proposed.path("result").get(0).asLong()).isZero();
            assertThat(proposed.path("events")).isNotEmpty();
            // A wallet watching contract events over WebSocket gets the same event, from the same transaction.
            // (The deploy's constructor may have emitted events first: those come earlier, in chain order.)
            JsonNode event = null;
            for (int i = 0; i < 16 && event == null; i++) {
                JsonNode emitted = ws.next();
                assertThat(emitted.path("params").path("subscription").asText()).as(emitted.toString()).isEqualTo(events);
                JsonNode e = emitted.path("params").path("result");
                assertThat(e.path("contract").asText()).isEqualTo(wallet);
                event = e.path("txId").asText().equals(proposed.path("txId").asText()) ? e : null;
            }
            assertThat(event).as("a contractEvents notification for the propose transaction").isNotNull();
            assertThat(event.path("topics")).isEqualTo(proposed.path("events").get(0).path("topics"));
            assertThat(event.path("data")).isEqualTo(proposed.path("events").get(0).path("data"));
            System.out.println("MultiSig propose: gas used " + proposed.path("gasUsed").asLong() + ", fee " + proposed.path("feePaid").asText());

            Cli.Result early = run("contract", "call", wallet, "execute", "0", "--key", alice);
            assertThat(early.exitCode()).as(early.out()).isEqualTo(1);
            JsonNode reverted = early.json();
            assertThat(reverted.path("executionStatus").asText()).isEqualTo("REVERTED");
            assertThat(reverted.path("revertReasonText").asText()).contains("not enough approvals");
            assertThat(reverted.path("gasUsed").asLong()).isPositive();
            assertThat(reverted.path("feePaidUnits").asLong()).isGreaterThan(10_000);

            ok("contract", "call", wallet, "approve", "0", "--key", bob);
            JsonNode executed = ok("contract", "call", wallet, "execute", "0", "--key", bob);
            assertThat(executed.path("executionStatus").asText()).isEqualTo("SUCCESS");

            assertThat(client.call("mc_getAccount", carolAddr).path("balance").asText()).isEqualTo("10");
            assertThat(client.call("mc_getContract", wallet).path("balanceUnits").asLong()).isEqualTo(40 * UNIT);
            JsonNode proposal = ok("contract", "read", wallet, "proposal", "0");
            assertThat(proposal.path("result").get(3).asLong()).as("executed").isEqualTo(1);
            JsonNode estimate = client.call("mc_estimateGas", wallet, "owners", List.of());
            assertThat(estimate.asLong()).isPositive();
            JsonNode supply = client.call("mc_getSupply");
            assertThat(supply.path("totalUnits").asText()).isEqualTo(Long.toString(400_000_000L * UNIT));
            // What the people hold now, plus the wallet's balance, plus the fees paid since: exactly what they held before.
            long feesSince = Mtn.parse(supply.path("feesPaid").asText()) - feesBefore;
            assertThat(held(client, people) + 40 * UNIT + feesSince).isEqualTo(heldBefore);
        }
    }
}
