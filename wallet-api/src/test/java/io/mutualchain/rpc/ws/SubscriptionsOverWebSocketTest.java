package io.mutualchain.rpc.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.AssetEventCode;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.rpc.AssetView;
import io.mutualchain.rpc.FakeNodeApi;
import io.mutualchain.rpc.HttpExchange;
import io.mutualchain.rpc.RpcConfig;
import io.mutualchain.rpc.RpcServer;
import io.mutualchain.rpc.SubscribedChain;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import io.mutualchain.rpc.subscribe.ChainEvents;
import io.mutualchain.rpc.subscribe.SubscriptionMethods;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** mc_subscribe over a real WebSocket, fed by blocks a test commits on the in-memory node. */
class SubscriptionsOverWebSocketTest {
    private static final int SUBSCRIPTIONS_MAX = 3;
    /** Small outbound bounds so that a client that does not read overflows them after little traffic. */
    private static final int OUTBOUND_BYTES_MAX = 64 * 1024;
    private static final int OUTBOUND_FRAMES_MAX = 256;
    /** Blocks committed per round of the slow-reader test, and most rounds before it must have been cut off. */
    private static final int BLOCKS_PER_ROUND = 100;
    private static final int ROUNDS_MAX = 100;

    private final SubscribedChain fixture = new SubscribedChain();
    private final KeyPair alice = fixture.alice;
    private final Address bob = fixture.bob;
    private final Address contractA = fixture.contractA;
    private final Address contractB = fixture.contractB;
    private final ChainEvents chain = fixture.chain;
    private final FakeNodeApi node = fixture.node;
    private RpcServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RpcServer(RpcConfig.of("127.0.0.1", 0), node, chain,
                WsLimits.defaults().withSubscriptionsMax(SUBSCRIPTIONS_MAX).withOutbound(OUTBOUND_BYTES_MAX, OUTBOUND_FRAMES_MAX));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Waits (bounded) until the hub has handed block {@code height} to every connection. */
    private void awaitPublished(long height) {
        await(() -> server.subscriptionHub().publishedHeight() >= height, "the hub publishes block " + height);
    }

    /** Waits, bounded by {@link WsTestClient#WAIT}, until {@code condition} holds. */
    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WsTestClient.WAIT.toSeconds());
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WsTestClient.WAIT + ": " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static String subscribe(WsTestClient ws, int id, String params) throws Exception {
        JsonNode answer = ws.call(id, "mc_subscribe", params);
        assertThat(answer.has("error")).as(answer.toString()).isFalse();
        return answer.path("result").asText();
    }

    private static boolean notificationOf(JsonNode m, String id) {
        return m.path("method").asText().equals("mc_subscription") && m.path("params").path("subscription").asText().equals(id);
    }

    /** The next message must be the answer to this call: nothing was sent before it. */
    private static void nothingQueuedBefore(WsTestClient ws, int id) throws Exception {
        ws.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"mc_blockNumber\"}");
        JsonNode next = ws.next();
        assertThat(next.path("id").asInt(-1)).as("unexpected message %s", next).isEqualTo(id);
    }

    @Test
    void newBlocksDeliversEachCommittedBlockOnceAndInOrder() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            String id = subscribe(ws, 1, "{\"topic\":\"newBlocks\"}");
            assertThat(id).matches("0x[0-9a-f]{16}");
            long last = 0;
            for (int i = 0; i < 5; i++) {
                last = fixture.commitEmptyBlock();
            }
            for (long h = 1; h <= last; h++) {
                JsonNode n = ws.next();
                assertThat(n.path("method").asText()).isEqualTo("mc_subscription");
                assertThat(n.has("id")).isFalse();
                assertThat(n.path("params").path("subscription").asText()).isEqualTo(id);
                JsonNode header = n.path("params").path("result");
                assertThat(header.path("height").asLong()).isEqualTo(h);
                assertThat(header.path("hash").asText()).isEqualTo("0x" + node.blockByNumber(h).orElseThrow().block().hash().toHex());
            }
            awaitPublished(last);
            nothingQueuedBefore(ws, 99);
        }
    }

    @Test
    void contractEventsWithAContractFilterDeliverOnlyThatContractsEvents() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            String onlyA = subscribe(ws, 1, "{\"topic\":\"contractEvents\",\"contract\":\"" + contractA + "\"}");
            String all = subscribe(ws, 2, "{\"topic\":\"contractEvents\"}");
            List<Transaction> txs = List.of(fixture.signed(new Transfer(bob, 1)), fixture.signed(new Transfer(bob, 1)));
            long h = fixture.commit(txs, List.of(SubscribedChain.emitted(contractB, "b-happened"), SubscribedChain.emitted(contractA, "a-happened")));
            JsonNode a = ws.next(m -> notificationOf(m, onlyA)).path("params").path("result");
            assertThat(a.path("contract").asText()).isEqualTo(contractA.toString());
            assertThat(a.path("txId").asText()).isEqualTo("0x" + txs.get(1).id().toHex());
            assertThat(a.path("height").asLong()).isEqualTo(h);
            assertThat(a.path("topics").get(0).asText()).isEqualTo("0x" + io.mutualchain.core.bytes.Hex.encode("a-happened".getBytes(StandardCharsets.UTF_8)));
            assertThat(a.path("data").asText()).isEqualTo("0x07");
            awaitPublished(h);
            // Everything the hub queued for block h precedes the answer to a call sent now.
            ws.send("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"mc_blockNumber\"}");
            int forAll = 0;
            int forA = 1;
            for (JsonNode m = ws.next(); m.path("id").asInt(-1) != 99; m = ws.next()) {
                forAll += notificationOf(m, all) ? 1 : 0;
                forA += notificationOf(m, onlyA) ? 1 : 0;
            }
            // The unfiltered subscription saw both events; the filtered one nothing but A's.
            assertThat(forAll).isEqualTo(2);
            assertThat(forA).isEqualTo(1);
        }
    }

    @Test
    void assetChangesDeliverTheStateTheEventLedToFilteredByAssetOrOwner() throws Exception {
        Hash32 asset = Sha256.hash(new byte[] {42});
        Hash32 otherAsset = Sha256.hash(new byte[] {43});
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            String byAsset = subscribe(ws, 1, "{\"topic\":\"assetChanges\",\"asset\":\"0x" + asset.toHex() + "\"}");
            String byOwner = subscribe(ws, 2, "{\"topic\":\"assetChanges\",\"owner\":\"" + bob + "\"}");
            Transaction toBob = fixture.signed(new AssetEvent(AssetEventCode.E04, asset, null, 0, bob, new byte[] {1}));
            Transaction other = fixture.signed(new AssetEvent(AssetEventCode.E03, otherAsset, null, 0, null, new byte[0]));
            long h = node.blockNumber() + 1;
            node.putAsset(new AssetView(asset, alice.address(), "gold", 5, 4, null, null, 1, 0,
                    List.of(new AssetView.Record(4, 4, toBob.id(), h, 0, alice.address(), 3, new byte[] {1}))));
            node.putAsset(new AssetView(otherAsset, alice.address(), "gold", 5, 3, null, null, 1, 0,
                    List.of(new AssetView.Record(3, 3, other.id(), h, 0, alice.address(), 1, new byte[0]))));
            fixture.commit(List.of(toBob, other), null);
            JsonNode change = ws.next(m -> notificationOf(m, byAsset)).path("params").path("result");
            assertThat(change.path("assetId").asText()).isEqualTo("0x" + asset.toHex());
            assertThat(change.path("state").asText()).isEqualTo("S4");
            assertThat(change.path("event").asText()).isEqualTo("E04");
            assertThat(change.path("height").asLong()).isEqualTo(h);
            assertThat(change.path("txId").asText()).isEqualTo("0x" + toBob.id().toHex());
            // bob is the recipient of the transfer request, so the owner filter matches it too, and only it.
            JsonNode forBob = ws.next(m -> notificationOf(m, byOwner)).path("params").path("result");
            assertThat(forBob.path("assetId").asText()).isEqualTo("0x" + asset.toHex());
            awaitPublished(h);
            nothingQueuedBefore(ws, 99);
        }
    }

    @Test
    void unsubscribeStopsTheNotifications() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            String id = subscribe(ws, 1, "{\"topic\":\"newBlocks\"}");
            long h = fixture.commitEmptyBlock();
            assertThat(ws.next(m -> notificationOf(m, id)).path("params").path("result").path("height").asLong()).isEqualTo(h);
            assertThat(ws.call(2, "mc_unsubscribe", "[\"" + id + "\"]").path("result").asBoolean()).isTrue();
            assertThat(ws.call(3, "mc_unsubscribe", "[\"" + id + "\"]").path("result").asBoolean()).isFalse();
            long later = fixture.commitEmptyBlock();
            awaitPublished(later);
            nothingQueuedBefore(ws, 4);
        }
    }

    @Test
    void aSubscriptionBeyondThePerConnectionLimitIsRefusedWithAClearError() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            for (int i = 0; i < SUBSCRIPTIONS_MAX; i++) {
                subscribe(ws, i + 1, "{\"topic\":\"newBlocks\"}");
            }
            JsonNode refused = ws.call(10, "mc_subscribe", "{\"topic\":\"newBlocks\"}");
            assertThat(refused.path("error").path("code").asInt()).isEqualTo(SubscriptionMethods.TOO_MANY_SUBSCRIPTIONS);
            assertThat(refused.path("error").path("message").asText()).contains("limit");
            assertThat(refused.path("error").path("data").path("maxSubscriptions").asInt()).isEqualTo(SUBSCRIPTIONS_MAX);
        }
    }

    @Test
    void anUnknownTopicOrAMisplacedFilterIsAnInvalidParam() throws Exception {
        try (WsTestClient ws = WsTestClient.connect(server.webSocketUri())) {
            assertThat(ws.call(1, "mc_subscribe", "{\"topic\":\"gossip\"}").path("error").path("data").path("param").asText()).isEqualTo("topic");
            assertThat(ws.call(2, "mc_subscribe", "{\"topic\":\"newBlocks\",\"contract\":\"" + contractA + "\"}")
                    .path("error").path("data").path("param").asText()).isEqualTo("contract");
        }
    }

    @Test
    void subscribingOverHttpAnswersThatItNeedsAWebSocket() throws Exception {
        for (String method : List.of("mc_subscribe", "mc_unsubscribe")) {
            String params = method.equals("mc_subscribe") ? "{\"topic\":\"newBlocks\"}" : "[\"0x0000000000000001\"]";
            HttpExchange.Reply r = HttpExchange.postJson(server.uri(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}");
            JsonNode error = JsonCodec.parse(r.body().getBytes(StandardCharsets.UTF_8)).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(SubscriptionMethods.NEEDS_WEBSOCKET);
            assertThat(error.path("message").asText()).contains("subscriptions need a WebSocket connection").contains("/ws");
        }
    }

    @Test
    void aClientThatDoesNotReadIsDisconnectedWithoutHoldingUpAnotherSubscriber() throws Exception {
        try (WsTestClient good = WsTestClient.connect(server.webSocketUri());
             SlowReader slow = new SlowReader(server.webSocketUri())) {
            String id = subscribe(good, 1, "{\"topic\":\"newBlocks\"}");
            slow.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"mc_subscribe\",\"params\":{\"topic\":\"newBlocks\"}}");
            long expected = 1;
            for (int round = 0; round < ROUNDS_MAX && server.slowWebSocketDisconnects() == 0; round++) {
                long last = 0;
                for (int i = 0; i < BLOCKS_PER_ROUND; i++) {
                    last = fixture.commitEmptyBlock();
                }
                for (; expected <= last; expected++) {
                    long got = good.next(m -> notificationOf(m, id)).path("params").path("result").path("height").asLong();
                    assertThat(got).isEqualTo(expected);
                }
                awaitPublished(last);
            }
            assertThat(server.slowWebSocketDisconnects()).isEqualTo(1);
            assertThat(good.call(2, "mc_chainId", "[]").path("result").asText()).isEqualTo(FakeNodeApi.CHAIN_ID);
            // The slow connection's session ends when its channel has closed, on its event loop.
            await(() -> server.subscriptionHub().sessions() == 1, "the slow client's session ends");
        }
    }
}
