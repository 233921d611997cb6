package io.mutualchain.rpc.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutualchain.rpc.FakeNodeApi;
import io.mutualchain.rpc.HttpExchange;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcConfig;
import io.mutualchain.rpc.RpcException;
import io.mutualchain.rpc.RpcServer;
import io.mutualchain.rpc.ws.WsTestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin methods over real HTTP and WebSocket on 127.0.0.1: off by default, and behind the bearer token when on. */
class AdminOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "f".repeat(16) + "0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String BEARER = "Bearer " + SECRET;
    private static final FakeAdminApi ADMIN = new FakeAdminApi();
    private static RpcServer off;
    private static RpcServer on;

    @BeforeAll
    static void start() throws Exception {
        off = new RpcServer(RpcConfig.of("127.0.0.1", 0), new FakeNodeApi());
        off.start();
        on = new RpcServer(RpcConfig.of("127.0.0.1", 0), new FakeNodeApi()).enableAdmin(AdminToken.of(SECRET), ADMIN);
        on.start();
    }

    @AfterAll
    static void stop() {
        off.close();
        on.close();
    }

    private static String request(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private static List<String> discovered(RpcServer server) throws Exception {
        JsonNode doc = JSON.readTree(HttpExchange.postJson(server.uri(), request("rpc.discover", "[]")).body()).path("result");
        List<String> names = new ArrayList<>();
        doc.path("methods").forEach(m -> names.add(m.path("name").asText()));
        return names;
    }

    @Test
    void withoutATokenConfiguredAdminMethodsAreNotFoundEvenWithAHeader() throws Exception {
        for (String method : List.of(AdminMethods.NODE_INFO, AdminMethods.PEERS, AdminMethods.MEMPOOL, AdminMethods.SET_LOG_LEVEL)) {
            HttpExchange.Reply r = HttpExchange.postJson(off.uri(), request(method, "[]"), BEARER);
            assertThat(r.status()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).path("error").path("code").asInt()).as(method).isEqualTo(-32601);
        }
        assertThat(off.adminRefusals()).isZero();
    }

    @Test
    void withoutATokenConfiguredDiscoveryListsNoAdminMethod() throws Exception {
        assertThat(discovered(off)).isNotEmpty().noneMatch(n -> n.startsWith("admin_"));
    }

    @Test
    void withATokenConfiguredDiscoveryListsTheFourAdminMethodsWithTheirErrors() throws Exception {
        assertThat(discovered(on)).contains(AdminMethods.NODE_INFO, AdminMethods.PEERS, AdminMethods.MEMPOOL, AdminMethods.SET_LOG_LEVEL);
        JsonNode doc = JSON.readTree(HttpExchange.postJson(on.uri(), request("rpc.discover", "[]")).body()).path("result");
        for (JsonNode m : doc.path("methods")) {
            if (m.path("name").asText().equals(AdminMethods.SET_LOG_LEVEL)) {
                assertThat(m.path("errors").toString()).contains("-32050").contains("-32051");
                assertThat(m.path("params").get(0).path("name").asText()).isEqualTo("logger");
            }
        }
    }

    @Test
    void anAdminCallWithoutATokenGets401AndTheTokenRequiredError() throws Exception {
        long before = on.adminRefusals();
        HttpExchange.Reply r = HttpExchange.postJson(on.uri(), request(AdminMethods.NODE_INFO, "[]"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(AdminGuard.TOKEN_REQUIRED);
        assertThat(error.path("message").asText()).contains("admin token required");
        assertThat(on.adminRefusals()).isEqualTo(before + 1);
    }

    @Test
    void anAdminCallWithAWrongTokenIsRefusedAndNothingIsChanged() throws Exception {
        HttpExchange.Reply r = HttpExchange.postJson(on.uri(), request(AdminMethods.SET_LOG_LEVEL, "[\"io.wrong\",\"DEBUG\"]"),
                "Bearer " + "0".repeat(64));
        assertThat(r.status()).isEqualTo(401);
        assertThat(JSON.readTree(r.body()).path("error").path("code").asInt()).isEqualTo(AdminGuard.TOKEN_MISMATCH);
        assertThat(ADMIN.levels).doesNotContainKey("io.wrong");
    }

    @Test
    void withTheRightTokenEachAdminMethodAnswers() throws Exception {
        JsonNode info = JSON.readTree(HttpExchange.postJson(on.uri(), request(AdminMethods.NODE_INFO, "[]"), BEARER).body());
        assertThat(info.path("result").path("name").asText()).isEqualTo("fake0");
        assertThat(info.path("result").path("role").asText()).isEqualTo("validator");
        assertThat(info.path("result").path("uptimeSeconds").asLong()).isEqualTo(42);
        JsonNode peers = JSON.readTree(HttpExchange.postJson(on.uri(), request(AdminMethods.PEERS, "[]"), BEARER).body()).path("result");
        assertThat(peers.path("peers").get(0).path("name").asText()).isEqualTo("peer0");
        assertThat(peers.path("transport").isNull()).isTrue();
        JsonNode pool = JSON.readTree(HttpExchange.postJson(on.uri(), request(AdminMethods.MEMPOOL, "{}"), BEARER).body()).path("result");
        assertThat(pool.path("size").asInt()).isEqualTo(3);
        assertThat(pool.path("limits").path("maxPerSender").asInt()).isEqualTo(1_000);
        assertThat(pool.path("topSenders").get(0).path("highestNonce").asLong()).isEqualTo(6);
        JsonNode level = JSON.readTree(HttpExchange.postJson(on.uri(),
                request(AdminMethods.SET_LOG_LEVEL, "{\"logger\":\"io.right\",\"level\":\"warn\"}"), BEARER).body()).path("result");
        assertThat(level.path("level").asText()).isEqualTo("WARN");
        assertThat(level.path("previous").isNull()).isTrue();
        assertThat(ADMIN.levels).containsEntry("io.right", LogLevel.WARN);
    }

    @Test
    void anUnknownLevelOrAMalformedLoggerNameIsInvalidParams() throws Exception {
        JsonNode bad = JSON.readTree(HttpExchange.postJson(on.uri(), request(AdminMethods.SET_LOG_LEVEL, "[\"io.x\",\"LOUD\"]"), BEARER).body());
        assertThat(bad.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(bad.path("error").path("data").path("param").asText()).isEqualTo("level");
        JsonNode name = JSON.readTree(HttpExchange.postJson(on.uri(), request(AdminMethods.SET_LOG_LEVEL, "[\"a b\",\"INFO\"]"), BEARER).body());
        assertThat(name.path("error").path("data").path("param").asText()).isEqualTo("logger");
        assertThat(ADMIN.levels).doesNotContainKeys("io.x", "a b");
    }

    @Test
    void aBatchMixingPublicAndAdminCallsWithoutATokenAnswersThePublicOnesAndRefusesTheAdminOnes() throws Exception {
        String batch = "[" + request("mc_chainId", "[]").replace("\"id\":1", "\"id\":1") + ","
                + request(AdminMethods.PEERS, "[]").replace("\"id\":1", "\"id\":2") + ","
                + request("mc_blockNumber", "[]").replace("\"id\":1", "\"id\":3") + "]";
        HttpExchange.Reply r = HttpExchange.postJson(on.uri(), batch);
        assertThat(r.status()).isEqualTo(200);
        JsonNode answers = JSON.readTree(r.body());
        assertThat(answers).hasSize(3);
        for (JsonNode a : answers) {
            if (a.path("id").asInt() == 2) {
                assertThat(a.path("error").path("code").asInt()).isEqualTo(AdminGuard.TOKEN_REQUIRED);
            } else {
                assertThat(a.has("result")).as(a.toString()).isTrue();
            }
        }
    }

    @Test
    void aBatchOfOnlyRefusedAdminCallsGets401() throws Exception {
        String batch = "[" + request(AdminMethods.PEERS, "[]") + "," + request(AdminMethods.MEMPOOL, "[]").replace("\"id\":1", "\"id\":2") + "]";
        HttpExchange.Reply r = HttpExchange.postJson(on.uri(), batch, "Bearer nope-nope-nope-nope-nope-nope-nope-nope");
        assertThat(r.status()).isEqualTo(401);
        assertThat(JSON.readTree(r.body())).hasSize(2).allMatch(a -> a.path("error").path("code").asInt() == AdminGuard.TOKEN_MISMATCH);
    }

    @Test
    void publicMethodsNeverNeedTheToken() throws Exception {
        HttpExchange.Reply r = HttpExchange.postJson(on.uri(), request("mc_chainId", "[]"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("result").asText()).isEqualTo(FakeNodeApi.CHAIN_ID);
        HttpExchange.Reply wrong = HttpExchange.postJson(on.uri(), request("mc_chainId", "[]"), "Bearer " + "1".repeat(64));
        assertThat(JSON.readTree(wrong.body()).path("result").asText()).isEqualTo(FakeNodeApi.CHAIN_ID);
    }

    @Test
    void theTokenOnTheWebSocketUpgradeHoldsForEveryCallOfThatConnection() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(on.webSocketUri(), BEARER)) {
            assertThat(ws.call(1, AdminMethods.NODE_INFO, "[]").path("result").path("chainId").asText()).isEqualTo("fake-chain");
            assertThat(ws.call(2, AdminMethods.MEMPOOL, "[]").path("result").path("senders").asInt()).isEqualTo(1);
            assertThat(ws.call(3, "mc_chainId", "[]").path("result").asText()).isEqualTo(FakeNodeApi.CHAIN_ID);
        }
    }

    @Test
    void aWebSocketOpenedWithoutTheTokenGetsTheRefusalButServesPublicMethods() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(on.webSocketUri())) {
            assertThat(ws.call(1, AdminMethods.NODE_INFO, "[]").path("error").path("code").asInt()).isEqualTo(AdminGuard.TOKEN_REQUIRED);
            assertThat(ws.call(2, "mc_chainId", "[]").path("result").asText()).isEqualTo(FakeNodeApi.CHAIN_ID);
        }
        try (WsTestClient ws = WsTestClient.connect(on.webSocketUri(), "Bearer " + "2".repeat(64))) {
            assertThat(ws.call(1, AdminMethods.PEERS, "[]").path("error").path("code").asInt()).isEqualTo(AdminGuard.TOKEN_MISMATCH);
        }
    }

    @Test
    void theSdkSendsTheBearerTokenAndSeesARefusalAsAnRpcException() throws Exception {
        RpcClient client = new RpcClient(on.uri());
        assertThat(client.withBearerToken(SECRET).call(AdminMethods.NODE_INFO).path("name").asText()).isEqualTo("fake0");
        assertThatThrownBy(() -> client.call(AdminMethods.NODE_INFO)).isInstanceOf(RpcException.class)
                .satisfies(e -> assertThat(((RpcException) e).code()).isEqualTo(AdminGuard.TOKEN_REQUIRED));
        assertThatThrownBy(() -> client.withBearerToken("3".repeat(64)).call(AdminMethods.NODE_INFO)).isInstanceOf(RpcException.class)
                .satisfies(e -> assertThat(((RpcException) e).code()).isEqualTo(AdminGuard.TOKEN_MISMATCH));
    }

    @Test
    void enablingAdminAfterStartIsRefused() {
        assertThatThrownBy(() -> on.enableAdmin(AdminToken.of(SECRET), ADMIN)).isInstanceOf(IllegalStateException.class);
    }
}
