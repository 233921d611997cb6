package io.mutualchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.DefaultGenesis;
import io.mutualchain.core.genesis.GenesisFile;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.node.Main;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.mempool.MempoolLimits;
import io.mutualchain.node.runtime.Node;
import io.mutualchain.rpc.admin.AdminGuard;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code mutualchain admin …} run in-process through {@link Main#run} against a real single-validator
 * node (RocksDB, JSON-RPC and metrics on 127.0.0.1) started with an admin token, and one without.
 */
class AdminCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    @TempDir
    static Path dir;
    private static Node node;
    private static Node plain;
    private static Path tokenFile;
    private static String rpc;

    @BeforeAll
    static void startNodes() throws Exception {
        tokenFile = dir.resolve("admin.token");
        assertThat(InProcessCli.run("admin", "token", "--out", tokenFile.toString()).exitCode()).isZero();
        node = new Node(config("admin-node", dir.resolve("a"), freePort()).withAdminTokenFile(tokenFile));
        node.start();
        rpc = "http://127.0.0.1:" + node.rpcPort();
        plain = new Node(config("plain-node", dir.resolve("b"), 0));
        plain.start();
    }

    @AfterAll
    static void stopNodes() {
        if (node != null) {
            node.close();
        }
        if (plain != null) {
            plain.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A dev-style chain of one validator in {@code home}, RPC on a free port. */
    private static NodeConfig config(String name, Path home, int metricsPort) throws IOException {
        Files.createDirectories(home);
        KeyPair validator = KeyPair.generate();
        KeyPair holder = KeyPair.generate();
        Path key = home.resolve("validator.key.json");
        KeyFile.write(key, validator);
        Path genesis = home.resolve("genesis.json");
        GenesisFile.write(genesis, DefaultGenesis.builder("admin-test", 1_700_000_000_000L, List.of(new Validator(name, validator.publicKey())))
                .holders(holder.address(), KeyPair.generate().address(), KeyPair.generate().address(), KeyPair.generate().address())
                .committee(1, List.of(holder.publicKey())).build());
        return new NodeConfig(name, home.resolve("data"), genesis, key, NodeConfig.DEFAULT_RPC_HOST, 0, NodeConfig.DEFAULT_TICK_MS,
                NodeConfig.DEFAULT_EMPTY_BLOCK_INTERVAL_MS, MempoolLimits.DEFAULT, NodeConfig.DEFAULT_RPC_HOST, 0, List.of(), metricsPort);
    }

    private static InProcessCli.Run admin(String... args) {
        String[] all = new String[args.length + 5];
        System.arraycopy(args, 0, all, 1, args.length);
        all[0] = "admin";
        all[args.length + 1] = "--token-file";
        all[args.length + 2] = tokenFile.toString();
        all[args.length + 3] = "--rpc";
        all[args.length + 4] = rpc;
        return InProcessCli.run(all);
    }

    private static HttpResponse<String> post(URI uri, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long metric(String name) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.metricsPort() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(l -> l.startsWith(name + " ")).mapToLong(l -> Long.parseLong(l.substring(name.length() + 1).trim()))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not exported"));
    }

    @Test
    void theTokenCommandWritesAnOwnerOnlyHexTokenAndNeverOverwrites() throws IOException {
        assertThat(Files.readString(tokenFile).strip()).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        InProcessCli.Run again = InProcessCli.run("admin", "token", "--out", tokenFile.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("never overwritten");
    }

    @Test
    void infoShowsTheRealNodesIdentityChainAndPorts() throws IOException {
        InProcessCli.Run r = admin("info", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.path("name").asText()).isEqualTo("admin-node");
        assertThat(n.path("role").asText()).isEqualTo("validator");
        assertThat(n.path("publicKey").asText()).isEqualTo(node.key().publicKey().toHex());
        assertThat(n.path("address").asText()).isEqualTo(node.key().address().toString());
        assertThat(n.path("chainId").asText()).isEqualTo("admin-test");
        assertThat(n.path("genesisHash").asText()).isEqualTo(io.mutualchain.rpc.JsonViews.hash(node.genesis().hash()));
        assertThat(n.path("validatorSetSize").asInt()).isEqualTo(1);
        assertThat(n.path("epochBase").asLong()).isZero();
        assertThat(n.path("height").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(n.path("rpcPort").asInt()).isEqualTo(node.rpcPort());
        assertThat(n.path("metricsPort").asInt()).isEqualTo(node.metricsPort()).isPositive();
        assertThat(n.path("p2pPort").asInt()).isZero();
        assertThat(n.path("dataDir").asText()).isEqualTo(dir.resolve("a/data").toAbsolutePath().toString());
        assertThat(n.path("uptimeSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(admin("info").out()).contains("admin-node (validator").contains("admin-test");
    }

    @Test
    void peersOfANodeWithoutNetworkingIsAnEmptyListAndNoTransport() throws IOException {
        InProcessCli.Run r = admin("peers", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.json().path("peers")).isEmpty();
        assertThat(r.json().path("transport").isNull()).isTrue();
        assertThat(admin("peers").out()).contains("without networking");
    }

    @Test
    void mempoolShowsTheConfiguredBounds() throws IOException {
        InProcessCli.Run r = admin("mempool", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode m = r.json();
        assertThat(m.path("limits").path("maxTransactions").asInt()).isEqualTo(MempoolLimits.DEFAULT.maxTransactions());
        assertThat(m.path("limits").path("maxPerSender").asInt()).isEqualTo(MempoolLimits.DEFAULT.maxPerSender());
        assertThat(m.path("limits").path("maxBytes").asLong()).isEqualTo(MempoolLimits.DEFAULT.maxBytes());
        assertThat(m.path("topSenders").size()).isEqualTo(m.path("senders").asInt());
    }

    @Test
    void aLogLevelChangeTakesEffectInTheRunningNode() throws IOException {
        String logger = "io.mutualchain.admin.test.probe";
        assertThat(LoggerFactory.getLogger(logger).isTraceEnabled()).isFalse();
        InProcessCli.Run r = admin("log-level", logger, "trace", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.json().path("previous").isNull()).isTrue();
        assertThat(r.json().path("level").asText()).isEqualTo("TRACE");
        assertThat(LoggerFactory.getLogger(logger).isTraceEnabled()).isTrue();
        InProcessCli.Run back = admin("log-level", logger, "OFF");
        assertThat(back.out()).contains("TRACE -> OFF");
        assertThat(LoggerFactory.getLogger(logger).isErrorEnabled()).isFalse();
    }

    @Test
    void anUnknownLevelIsRefusedAsInvalidParams() {
        InProcessCli.Run r = admin("log-level", "io.mutualchain", "LOUD");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("-32602").contains("TRACE, DEBUG, INFO, WARN, ERROR, OFF");
    }

    @Test
    void aWrongTokenIsRefusedWithAClearErrorAndCountedInTheMetric() throws Exception {
        long before = metric("mc_rpc_admin_refused_total");
        Path wrong = dir.resolve("wrong.token");
        Files.writeString(wrong, "9".repeat(64) + "\n");
        InProcessCli.Run r = InProcessCli.run("admin", "info", "--token-file", wrong.toString(), "--rpc", rpc);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("refused the admin token").contains(String.valueOf(AdminGuard.TOKEN_MISMATCH));
        assertThat(metric("mc_rpc_admin_refused_total")).isEqualTo(before + 1);
    }

    @Test
    void aCallWithoutATokenGets401AndPublicMethodsStillAnswer() throws Exception {
        URI uri = URI.create(rpc + "/");
        HttpResponse<String> refused = post(uri, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"admin_peers\"}", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(JSON.readTree(refused.body()).path("error").path("code").asInt()).isEqualTo(AdminGuard.TOKEN_REQUIRED);
        HttpResponse<String> status = post(uri, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"mc_chainId\"}", null);
        assertThat(JSON.readTree(status.body()).path("result").asText()).isEqualTo("admin-test");
    }

    @Test
    void aNodeWithoutATokenFileHasNoAdminMethods() throws Exception {
        InProcessCli.Run r = InProcessCli.run("admin", "info", "--token-file", tokenFile.toString(), "--rpc", "http://127.0.0.1:" + plain.rpcPort());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("has no admin methods").contains("adminTokenFile");
        HttpResponse<String> discover = post(URI.create("http://127.0.0.1:" + plain.rpcPort() + "/"),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"rpc.discover\"}", null);
        assertThat(discover.body()).contains("mc_chainId").doesNotContain("admin_");
    }

    @Test
    void aNodeRefusesToStartWithAGroupReadableTokenFile() throws IOException {
        Path open = dir.resolve("open.token");
        Files.writeString(open, "7".repeat(64) + "\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        Node refused = new Node(config("refused", dir.resolve("c"), 0).withAdminTokenFile(open));
        assertThatThrownBy(refused::start).isInstanceOf(IOException.class).hasMessageContaining("chmod 600");
        assertThat(Files.exists(dir.resolve("c/data"))).as("nothing was opened before the token was checked").isFalse();
    }

    @Test
    void aNodeRefusesToStartWithAShortOrMissingTokenFile() throws IOException {
        Path shortToken = dir.resolve("short.token");
        Files.writeString(shortToken, "abc\n");
        Files.setPosixFilePermissions(shortToken, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> new Node(config("short", dir.resolve("d"), 0).withAdminTokenFile(shortToken)).start())
                .isInstanceOf(IOException.class).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> new Node(config("missing", dir.resolve("e"), 0).withAdminTokenFile(dir.resolve("none.token"))).start())
                .isInstanceOf(IOException.class).hasMessageContaining("does not exist");
    }
}
