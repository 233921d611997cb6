package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.GenesisFile;
import io.mutualchain.rpc.ChainJson;
import io.mutualchain.rpc.ProofView;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.proof.ProofVerifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's end-to-end promise through the CLI on a real dev node: a gateway deposits for a Level 1
 * member (E01, E03), the member transfers to another who confirms (E04, E06), a transfer is rejected
 * (E04, E05), credit is requested and granted (E07, E09) and repaid, a Level 1 withdrawal is refused,
 * KYC raises the member to Level 2, the withdrawal is requested and confirmed (E10, E12) leaving the
 * asset in S6, and any further event on it is refused. Then the history, supply, and a proof checked
 * by the client against the next certified header.
 */
class AssetLifecycleIT {
    /** Longest wait for the block after the proof's height (a node stuck that long is a failure, whatever the load). */
    private static final Duration NEXT_BLOCK_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private String rpcUrl;
    private Path devKey;

    private JsonNode ok(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--rpc", rpcUrl, "--json"));
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r.json();
    }

    private Cli.Result refused(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--rpc", rpcUrl, "--json"));
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(String.join(" ", args) + " should be refused\n" + r.out()).isEqualTo(1);
        return r;
    }

    private static String newKey(String file) throws Exception {
        Cli.Result r = Cli.run("keys", "new", "--out", file, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.json().path("address").asText();
    }

    private String event(String key, String event, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("asset", "send", event, "--key", key));
        args.addAll(List.of(more));
        return ok(args.toArray(String[]::new)).path("state").asText();
    }

    @Test
    void anAssetGoesFromDepositToCompletedThroughTheCliAndItsProofVerifies() throws Exception {
        Path data = tmp.resolve("dev");
        int port = NodeProcess.freePort();
        rpcUrl = "http://127.0.0.1:" + port;
        devKey = data.resolve("developer.key.json");
        try (NodeProcess node = NodeProcess.startDev(data, port, tmp.resolve("logs"));
             WsClient ws = WsClient.connect(port, Duration.ofSeconds(30))) {
            String assetChanges = ws.subscribe(1, "assetChanges"); // a wallet watching over WebSocket sees every event
            String dev = devKey.toString();
            String alice = tmp.resolve("alice.key.json").toString();
            String bob = tmp.resolve("bob.key.json").toString();
            String aliceAddr = newKey(alice);
            String bobAddr = newKey(bob);
            ok("tx", "transfer", "--key", dev, "--to", aliceAddr, "--amount", "10");
            ok("tx", "transfer", "--key", dev, "--to", bobAddr, "--amount", "10");
            ok("member", "join", "--key", alice, "--age", "34", "--gender", "f", "--beneficiary", "her daughter");
            JsonNode joined = ok("member", "join", "--key", bob, "--age", "51", "--gender", "m", "--beneficiary", "his son");
            assertThat(joined.path("salt").asText()).startsWith("0x");

            JsonNode deposit = ok("asset", "send", "E01", "--key", alice, "--type", "CNY", "--amount", "500", "--data", "gateway ref 77");
            String asset = deposit.path("asset").asText();
            assertThat(deposit.path("state").asText()).isEqualTo("S1");
            assertThat(event(dev, "E03", "--asset", asset)).isEqualTo("S5");

            assertThat(event(alice, "E04", "--asset", asset, "--to", bobAddr)).isEqualTo("S2");
            assertThat(event(bob, "E06", "--asset", asset)).isEqualTo("S5");

            assertThat(event(bob, "E04", "--asset", asset, "--to", aliceAddr)).isEqualTo("S2");
            assertThat(event(alice, "E05", "--asset", asset)).isEqualTo("S5");

            assertThat(event(bob, "E07", "--asset", asset, "--amount", "100")).isEqualTo("S3");
            assertThat(event(dev, "E09", "--asset", asset)).isEqualTo("S5");
            ok("asset", "close-credit", "--key", dev, "--asset", asset);

            Cli.Result levelOne = refused("asset", "send", "E10", "--key", bob, "--asset", asset);
            assertThat(levelOne.err()).contains("MEMBER_LEVEL", "Level 1");

            ok("member", "kyc", "--key", dev, "--member", bobAddr, "--record", "passport checked at branch 12");
            assertThat(event(bob, "E10", "--asset", asset)).isEqualTo("S4");
            assertThat(event(dev, "E12", "--asset", asset)).isEqualTo("S6");

            Cli.Result after = refused("asset", "send", "E04", "--key", bob, "--asset", asset, "--to", aliceAddr);
            assertThat(after.err()).contains("UNDEFINED_TRANSITION", asset, "S6", "E04");
            Cli.Result redeposit = refused("asset", "send", "E01", "--key", bob, "--asset", asset, "--type", "CNY", "--amount", "1");
            assertThat(redeposit.err()).contains("UNDEFINED_TRANSITION");

            JsonNode shown = ok("asset", "get", asset);
            assertThat(shown.path("owner").asText()).isEqualTo(bobAddr);
            List<String> inputs = new ArrayList<>();
            shown.path("history").forEach(r -> inputs.add(r.path("inputCode").asText() + ">" + r.path("stateCode").asText()));
            assertThat(inputs).containsExactly("E01>S1", "E03>S5", "E04>S2", "E06>S5", "E04>S2", "E05>S5", "E07>S3", "E09>S5", "E10>S4", "E12>S6");
            List<String> notified = new ArrayList<>();
            while (notified.size() < inputs.size()) {
                JsonNode n = ws.next();
                assertThat(n.path("params").path("subscription").asText()).as(n.toString()).isEqualTo(assetChanges);
                JsonNode change = n.path("params").path("result");
                assertThat(change.path("assetId").asText()).isEqualTo(asset);
                notified.add(change.path("event").asText() + ">" + change.path("state").asText());
            }
            assertThat(notified).as("assetChanges notifications, in order").isEqualTo(inputs);

            JsonNode member = ok("member", "get", bobAddr);
            assertThat(member.path("memberLevel").asInt()).isEqualTo(2);
            assertThat(member.path("creditScore").asInt()).isGreaterThan(500);

            // The dev key is the one-member committee: its vote alone grants a role.
            ok("gov", "vote", "--key", dev, "--action", "GRANT_ROLE", "--target", aliceAddr, "--role", "ARBITER");
            assertThat(ok("member", "get", aliceAddr).path("roles").toString()).contains("ARBITER");

            RpcClient rpc = node.client();
            JsonNode supply = rpc.supply();
            assertThat(supply.path("total").asText()).isEqualTo("400000000");
            assertThat(supply.path("locked").asText()).isEqualTo("80000000");
            assertThat(supply.path("circulating").asText()).isEqualTo("320000000");

            proofOfTheAssetVerifiesAgainstTheNextCertifiedHeader(rpc, data, asset);
            assertThat(node.log()).doesNotContain("ERROR");
        }
    }

    private static void proofOfTheAssetVerifiesAgainstTheNextCertifiedHeader(RpcClient rpc, Path data, String asset) throws Exception {
        Genesis genesis = GenesisFile.read(data.resolve("genesis.json"));
        ProofView proof = rpc.proof("asset", asset);
        assertThat(proof.value()).isNotNull();
        Optional<JsonNode> next = rpc.block(proof.verifiesAgainstHeight());
        // The header that carries this root is the next one: the dev node makes it as an empty block within
        // NodeProcess.EMPTY_BLOCK_INTERVAL, however long a loaded machine then takes to get it to us.
        long deadline = System.nanoTime() + NEXT_BLOCK_WAIT.toNanos();
        while (next.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            next = rpc.block(proof.verifiesAgainstHeight());
        }
        JsonNode block = next.orElseThrow(() -> new AssertionError("block " + proof.verifiesAgainstHeight() + " never came"));
        ProofVerifier.Verdict v = ProofVerifier.verify(proof, ChainJson.header(block), ChainJson.certificate(block.path("certificate")),
                genesis.chainId(), genesis.validatorSet());
        assertThat(v.ok()).as(v.message()).isTrue();
        byte[] changed = proof.value().clone();
        changed[changed.length - 1] ^= 1;
        ProofView tampered = new ProofView(proof.kind(), proof.stateKey(), changed, proof.height(), proof.stateRoot(), proof.proof());
        assertThat(ProofVerifier.verify(tampered, ChainJson.header(block), ChainJson.certificate(block.path("certificate")),
                genesis.chainId(), genesis.validatorSet()).outcome()).isEqualTo(ProofVerifier.Outcome.ROOT_MISMATCH);
    }
}
