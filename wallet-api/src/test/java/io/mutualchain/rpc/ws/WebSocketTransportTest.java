package io.mutualchain.rpc.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.FakeNodeApi;
import io.mutualchain.rpc.HttpExchange;
import io.mutualchain.rpc.RpcConfig;
import io.mutualchain.rpc.RpcServer;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JSON-RPC over a real WebSocket on loopback answers exactly as over HTTP, and refuses what it must. */
class WebSocketTransportTest {
    private static final int BODY_LIMIT = 4096;
    private RpcServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RpcServer(RpcConfig.of("127.0.0.1", 0).withMaxBodyBytes(BODY_LIMIT), new FakeNodeApi());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode overHttp(String body) throws Exception {
        return JsonCodec.parse(HttpExchange.postJson(server.uri(), body).body().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCallOverWebSocketAnswersWhatHttpAnswers() throws Exception {
        String request = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"mc_status\"}";
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            ws.send(request);
            assertThat(ws.next()).isEqualTo(overHttp(request));
        }
    }

    @Test
    void aBatchOverWebSocketAnswersWhatHttpAnswers() throws Exception {
        String batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"mc_chainId\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"mc_chainId\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"mc_nope\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"mc_getAccount\",\"params\":[\"bad\"]}]";
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            ws.send(batch);
            JsonNode answer = ws.next();
            assertThat(answer.isArray()).isTrue();
            assertThat(answer).hasSize(3).isEqualTo(overHttp(batch));
        }
    }

    @Test
    void malformedJsonGetsAParseErrorFrameAndTheConnectionStaysOpen() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            ws.send("{\"jsonrpc\":\"2.0\",");
            JsonNode error = ws.next();
            assertThat(error.path("error").path("code").asInt()).isEqualTo(-32700);
            assertThat(error.path("id").isNull()).isTrue();
            assertThat(ws.call(5, "mc_chainId", "[]").path("result").asText()).isEqualTo(FakeNodeApi.CHAIN_ID);
        }
    }

    @Test
    void aNotificationOverWebSocketIsNeverAnswered() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            ws.send("{\"jsonrpc\":\"2.0\",\"method\":\"mc_chainId\"}");
            // The next message is the answer to the call that follows, not one to the notification.
            ws.send("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"mc_blockNumber\"}");
            assertThat(ws.next().path("id").asInt()).isEqualTo(9);
        }
    }

    @Test
    void aBinaryFrameIsRefusedWithClose1003() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            ws.sendBinary("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"mc_chainId\"}".getBytes(StandardCharsets.UTF_8));
            WsTestClient.Closed closed = ws.awaitClosed();
            assertThat(closed.code()).isEqualTo(1003);
            assertThat(closed.reason()).contains("text frames");
        }
    }

    @Test
    void anOversizedFrameIsRefusedWithClose1009AndTheServerKeepsServingOthers() throws Exception {
        try (WsTestClient other = WsTestClient.connect(server.webSocketUri());
             WsTestClient big = WsTestClient.connect(server.webSocketUri())) {
            big.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"mc_chainId\",\"params\":[\"" + "a".repeat(BODY_LIMIT * 2) + "\"]}");
            assertThat(big.awaitClosed().code()).isEqualTo(1009);
            assertThat(other.call(2, "mc_chainId", "[]").path("result").asText()).isEqualTo(FakeNodeApi.CHAIN_ID);
            try (WsTestClient fresh = WsTestClient.connect(server.webSocketUri())) {
                assertThat(fresh.call(3, "mc_blockNumber", "[]").path("result").asLong()).isZero();
            }
        }
    }

    @Test
    void httpPostOnTheSamePortStillWorksBesideWebSockets() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            assertThat(ws.call(1, "mc_chainId", "[]").path("result").asText()).isEqualTo(FakeNodeApi.CHAIN_ID);
            assertThat(overHttp("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"mc_chainId\"}").path("result").asText())
                    .isEqualTo(FakeNodeApi.CHAIN_ID);
        }
    }
}
