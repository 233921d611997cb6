package io.mutualchain.rpc.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.FakeNodeApi;
import io.mutualchain.rpc.HttpExchange;
import io.mutualchain.rpc.RpcConfig;
import io.mutualchain.rpc.RpcServer;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import io.mutualchain.rpc.subscribe.ChainEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** rpc.discover describes every served method; a hub that falls behind tells subscribers what they missed. */
class DiscoverAndLagTest {
    private static final int LAG_BLOCKS_MAX = 2;
    private final ChainEvents chain = new ChainEvents();
    private FakeNodeApi node;
    private RpcServer server;

    @BeforeEach
    void start() throws Exception {
        node = new FakeNodeApi();
        server = new RpcServer(RpcConfig.of("127.0.0.1", 0), node, chain, WsLimits.defaults().withLagBlocksMax(LAG_BLOCKS_MAX));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void rpcDiscoverListsEveryRegisteredMethodInAnOpenRpcDocument() throws Exception {
        String body = HttpExchange.postJson(server.uri(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"rpc.discover\"}").body();
        JsonNode doc = JsonCodec.parse(body.getBytes(StandardCharsets.UTF_8)).path("result");
        assertThat(doc.path("openrpc").asText()).startsWith("1.2.");
        assertThat(doc.path("info").path("title").asText()).isEqualTo(RpcServer.API_TITLE);
        assertThat(doc.path("info").path("version").asText()).isEqualTo(RpcServer.NODE_VERSION).doesNotContain("${");
        List<String> names = new ArrayList<>();
        for (JsonNode m : doc.path("methods")) {
            names.add(m.path("name").asText());
            assertThat(m.path("summary").asText()).as(m.path("name").asText()).isNotBlank();
            assertThat(m.path("result").path("name").isTextual()).isTrue();
            assertThat(m.path("result").path("schema").isObject()).isTrue();
            for (JsonNode p : m.path("params")) {
                assertThat(p.path("name").isTextual()).isTrue();
                assertThat(p.path("required").isBoolean()).isTrue();
                assertThat(p.path("schema").isObject()).isTrue();
            }
        }
        assertThat(names).isEqualTo(server.methodNames()).contains("rpc.discover", "mc_subscribe", "mc_unsubscribe", "mc_getBlockByNumber");
        JsonNode getBlock = doc.path("methods").get(names.indexOf("mc_getBlockByNumber"));
        assertThat(getBlock.path("params").get(0).path("name").asText()).isEqualTo("height");
        assertThat(getBlock.path("params").get(0).path("required").asBoolean()).isTrue();
        assertThat(getBlock.path("params").get(1).path("required").asBoolean()).isFalse();
    }

    @Test
    void rpcDiscoverAnswersOverWebSocketToo() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            assertThat(ws.call(1, "rpc.discover", "[]").path("result").path("methods").size()).isEqualTo(server.methodNames().size());
        }
    }

    @Test
    void aHubMoreThanTheLagBoundBehindSkipsAheadAndSaysWhichBlocksWereDropped() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            String id = ws.call(1, "mc_subscribe", "{\"topic\":\"newBlocks\"}").path("result").asText();
            for (int i = 0; i < 5; i++) {
                node.commitPending();
            }
            chain.committed(5);
            JsonNode dropped = ws.next().path("params");
            assertThat(dropped.path("subscription").asText()).isEqualTo(id);
            assertThat(dropped.has("result")).isFalse();
            assertThat(dropped.path("dropped").path("fromHeight").asLong()).isEqualTo(1);
            assertThat(dropped.path("dropped").path("toHeight").asLong()).isEqualTo(5 - LAG_BLOCKS_MAX);
            assertThat(ws.next().path("params").path("result").path("height").asLong()).isEqualTo(4);
            assertThat(ws.next().path("params").path("result").path("height").asLong()).isEqualTo(5);
            assertThat(server.subscriptionHub().droppedBlocks()).isEqualTo(3);
        }
    }
}
