package io.mutualchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import io.mutualchain.rpc.subscribe.ChainEvents;
import io.mutualchain.rpc.ws.WsLimits;
import io.mutualchain.rpc.ws.WsRpcHandler;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK's WebSocket client against the real RpcServer, fed by blocks the test commits on the in-memory node. */
class RpcSubscriberTest {
    /** Bound on every wait of these tests. */
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int SMALL_QUEUE = 4;
    private static final int CONCURRENT_SUBSCRIBERS = 4;

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
        server = new RpcServer(RpcConfig.of("127.0.0.1", 0), node, chain, WsLimits.defaults());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static <T> T next(BlockingQueue<T> q, String what) throws InterruptedException {
        T t = q.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (t == null) {
            throw new AssertionError("not within " + WAIT + ": " + what);
        }
        return t;
    }

    private static SubscriberClosed closeOf(RpcSubscriber s) throws Exception {
        return s.whenClosed().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void newBlocksArriveThroughTheSdkInHeightOrderOnOneDispatchThread() throws Exception {
        try (RpcSubscriber s = RpcSubscriber.connect(server.uri(), WAIT)) {
            BlockingQueue<JsonNode> headers = new LinkedBlockingQueue<>();
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            Subscription sub = s.subscribe("newBlocks", Map.of(), h -> {
                threads.add(Thread.currentThread());
                headers.add(h);
            }, null);
            assertThat(sub.id()).matches("0x[0-9a-f]{16}");
            long last = 0;
            for (int i = 0; i < 5; i++) {
                last = fixture.commitEmptyBlock();
            }
            for (long h = 1; h <= last; h++) {
                JsonNode header = next(headers, "block " + h);
                assertThat(header.path("height").asLong()).isEqualTo(h);
                assertThat(header.path("hash").asText()).isEqualTo("0x" + node.blockByNumber(h).orElseThrow().block().hash().toHex());
            }
            assertThat(threads).hasSize(1).doesNotContain(Thread.currentThread());
            // The same connection also carries plain calls.
            assertThat(s.call("mc_blockNumber", null).asLong()).isEqualTo(last);
        }
    }

    @Test
    void aContractFilterDeliversOnlyThatContractsEvents() throws Exception {
        try (RpcSubscriber s = RpcSubscriber.connect(server.webSocketUri(), WAIT)) {
            BlockingQueue<JsonNode> onlyA = new LinkedBlockingQueue<>();
            BlockingQueue<JsonNode> all = new LinkedBlockingQueue<>();
            s.subscribe("contractEvents", Map.of("contract", contractA.toString()), onlyA::add, null);
            s.subscribe("contractEvents", Map.of(), all::add, null);
            fixture.commit(List.of(fixture.signed(new Transfer(bob, 1)), fixture.signed(new Transfer(bob, 1))),
                    List.of(SubscribedChain.emitted(contractB, "b-happened"), SubscribedChain.emitted(contractA, "a-happened")));
            fixture.commit(List.of(fixture.signed(new Transfer(bob, 1))), List.of(SubscribedChain.emitted(contractB, "b-again")));
            assertThat(next(all, "B's event").path("contract").asText()).isEqualTo(contractB.toString());
            assertThat(next(all, "A's event").path("contract").asText()).isEqualTo(contractA.toString());
            // One thread runs the callbacks in the order the node sent them: once the next block's event
            // reached the unfiltered subscription, everything of the first block has been delivered.
            assertThat(next(all, "B's second event").path("contract").asText()).isEqualTo(contractB.toString());
            assertThat(onlyA).hasSize(1);
            assertThat(onlyA.peek().path("contract").asText()).isEqualTo(contractA.toString());
        }
    }

    @Test
    void closingASubscriptionStopsItsNotificationsWhileAnotherGoesOn() throws Exception {
        try (RpcSubscriber s = RpcSubscriber.connect(server.uri(), WAIT)) {
            BlockingQueue<Long> closedOne = new LinkedBlockingQueue<>();
            BlockingQueue<Long> other = new LinkedBlockingQueue<>();
            Subscription first = s.subscribe("newBlocks", Map.of(), h -> closedOne.add(h.path("height").asLong()), null);
            s.subscribe("newBlocks", Map.of(), h -> other.add(h.path("height").asLong()), null);
            long h1 = fixture.commitEmptyBlock();
            assertThat(next(closedOne, "block " + h1)).isEqualTo(h1);
            assertThat(next(other, "block " + h1)).isEqualTo(h1);
            first.close();
            first.close();
            long h2 = fixture.commitEmptyBlock();
            long h3 = fixture.commitEmptyBlock();
            assertThat(next(other, "block " + h2)).isEqualTo(h2);
            assertThat(next(other, "block " + h3)).isEqualTo(h3);
            assertThat(closedOne).isEmpty();
            // The node no longer knows the id: the unsubscribe really reached it.
            assertThat(s.call("mc_unsubscribe", JsonCodec.NODES.arrayNode().add(first.id())).asBoolean()).isFalse();
        }
    }

    @Test
    void anUnknownTopicBecomesAnRpcExceptionNamingTheParameter() throws Exception {
        try (RpcSubscriber s = RpcSubscriber.connect(server.uri(), WAIT)) {
            assertThatThrownBy(() -> s.subscribe("gossip", Map.of(), h -> { }, null))
                    .isInstanceOfSatisfying(RpcException.class, e -> {
                        assertThat(e.code()).isEqualTo(-32602);
                        assertThat(e.data().path("param").asText()).isEqualTo("topic");
                    });
            // The connection survives a refused call.
            assertThat(s.call("mc_chainId", null).asText()).isEqualTo(FakeNodeApi.CHAIN_ID);
            assertThat(s.closeReason()).isEmpty();
        }
    }

    @Test
    void closingTheServerIsReportedAndLaterCallsFail() throws Exception {
        try (RpcSubscriber s = RpcSubscriber.connect(server.uri(), WAIT)) {
            s.subscribe("newBlocks", Map.of(), h -> { }, null);
            server.close();
            SubscriberClosed why = closeOf(s);
            // The server says goodbye itself (1001) rather than leaving its connections to the event loops' teardown.
            assertThat(why.cause()).isEqualTo(SubscriberClosed.Cause.CLOSED_BY_SERVER);
            assertThat(why.code()).isEqualTo(1001);
            assertThat(why.reason()).isEqualTo(WsRpcHandler.SHUTDOWN_REASON);
            assertThatThrownBy(() -> s.call("mc_chainId", null)).isInstanceOf(IOException.class).hasMessageContaining("has ended");
        }
    }

    @Test
    void aSlowConsumerOverflowingTheBoundedQueueIsDisconnectedAndReported() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        try (RpcSubscriber s = RpcSubscriber.connect(server.uri(), WAIT, null, SMALL_QUEUE)) {
            s.subscribe("newBlocks", Map.of(), h -> {
                delivered.incrementAndGet();
                try {
                    release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, null);
            // One callback running and SMALL_QUEUE queued: the next block cannot fit.
            for (int i = 0; i < SMALL_QUEUE + 2; i++) {
                fixture.commitEmptyBlock();
            }
            SubscriberClosed why = closeOf(s);
            assertThat(why.cause()).isEqualTo(SubscriberClosed.Cause.NOTIFICATION_QUEUE_FULL);
            assertThat(why.code()).isEqualTo(RpcSubscriber.QUEUE_FULL_CLOSE_CODE);
            assertThat(why.reason()).contains("queue full");
            release.countDown();
            assertThatThrownBy(() -> s.call("mc_chainId", null)).isInstanceOf(IOException.class);
            // What was queued was dropped rather than delivered after the close: only the stuck callback ran.
            assertThat(delivered.get()).isLessThanOrEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void subscribesFromSeveralThreadsAtOnceEachGetTheirOwnSubscription() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_SUBSCRIBERS);
        try (RpcSubscriber s = RpcSubscriber.connect(server.uri(), WAIT)) {
            List<BlockingQueue<Long>> seen = new ArrayList<>();
            List<Future<Subscription>> subs = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_SUBSCRIBERS; i++) {
                BlockingQueue<Long> q = new LinkedBlockingQueue<>();
                seen.add(q);
                subs.add(pool.submit(() -> s.subscribe("newBlocks", null, h -> q.add(h.path("height").asLong()), null)));
            }
            Set<String> ids = ConcurrentHashMap.newKeySet();
            for (Future<Subscription> f : subs) {
                ids.add(f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).id());
            }
            assertThat(ids).hasSize(CONCURRENT_SUBSCRIBERS);
            long h = fixture.commitEmptyBlock();
            for (BlockingQueue<Long> q : seen) {
                assertThat(next(q, "block " + h)).isEqualTo(h);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingTheClientIsReportedAsClosedByTheCallerAndEndsItsCalls() throws Exception {
        RpcSubscriber s = RpcSubscriber.connect(server.uri(), WAIT);
        Subscription sub = s.subscribe("newBlocks", Map.of(), h -> { }, null);
        s.close();
        s.close();
        assertThat(closeOf(s).cause()).isEqualTo(SubscriberClosed.Cause.CLOSED_BY_CALLER);
        assertThatThrownBy(() -> s.call("mc_chainId", null)).isInstanceOf(IOException.class);
        // Subscriptions end with their connection; closing one afterwards sends nothing and does not fail.
        sub.close();
    }

    @Test
    void anHttpAddressIsTurnedIntoTheWebSocketEndpoint() {
        assertThat(RpcSubscriber.webSocketUri(URI.create("http://127.0.0.1:8545/"))).isEqualTo(URI.create("ws://127.0.0.1:8545/ws"));
        assertThat(RpcSubscriber.webSocketUri(URI.create("https://node.example:443"))).isEqualTo(URI.create("wss://node.example:443/ws"));
        assertThat(RpcSubscriber.webSocketUri(URI.create("ws://127.0.0.1:1/ws"))).isEqualTo(URI.create("ws://127.0.0.1:1/ws"));
        assertThatThrownBy(() -> RpcSubscriber.webSocketUri(URI.create("ftp://x/"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreachableNodeIsAnIoExceptionWithinTheTimeout() throws Exception {
        int port = server.port();
        server.close();
        assertThatThrownBy(() -> RpcSubscriber.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), WAIT))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot open a WebSocket");
    }
}
