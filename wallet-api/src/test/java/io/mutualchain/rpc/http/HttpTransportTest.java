package io.mutualchain.rpc.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutualchain.rpc.HttpExchange;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcConfig;
import io.mutualchain.rpc.RpcException;
import io.mutualchain.rpc.RpcServer;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import io.mutualchain.rpc.jsonrpc.MethodRegistry;
import io.mutualchain.rpc.jsonrpc.RpcMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** HTTP behaviour of the server on loopback: status codes, limits, keep-alive, back-pressure. */
class HttpTransportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LATCH_WAIT_S = 10;
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    private static MethodRegistry pingOnly() {
        return new MethodRegistry().register(RpcMethod.noParams("ping", p -> JsonCodec.NODES.textNode("pong")));
    }

    private static RpcServer started(RpcConfig config, MethodRegistry methods) throws IOException {
        RpcServer s = new RpcServer(config, methods);
        s.start();
        return s;
    }

    private static RpcConfig ephemeral() {
        return RpcConfig.of("127.0.0.1", 0);
    }

    @Test
    void getIsRefusedWith405AndAHintThatSaysToPostJson() throws Exception {
        try (RpcServer s = started(ephemeral(), pingOnly())) {
            HttpExchange.Reply r = HttpExchange.get(s.uri());
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.headers().firstValue("allow")).hasValue("POST");
            assertThat(r.body()).contains("POST").contains("application/json");
        }
    }

    @Test
    void anotherPathIs404AndAnotherContentTypeIs415() throws Exception {
        try (RpcServer s = started(ephemeral(), pingOnly())) {
            assertThat(HttpExchange.postJson(s.uri().resolve("/rpc"), PING).status()).isEqualTo(404);
            assertThat(HttpExchange.post(s.uri(), PING.getBytes(StandardCharsets.UTF_8), "text/plain").status()).isEqualTo(415);
            assertThat(HttpExchange.post(s.uri(), PING.getBytes(StandardCharsets.UTF_8), null).status()).isEqualTo(415);
            assertThat(HttpExchange.post(s.uri(), PING.getBytes(StandardCharsets.UTF_8), "Application/JSON; charset=UTF-8").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aBodyOverTheLimitGets413AndTheServerKeepsServing() throws Exception {
        int limit = 1024;
        try (RpcServer s = started(ephemeral().withMaxBodyBytes(limit), pingOnly())) {
            String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"pad\":\"" + "x".repeat(limit * 4) + "\"}";
            assertThat(HttpExchange.postJson(s.uri(), big).status()).isEqualTo(413);
            assertThatThrownBy(() -> new RpcClient(s.uri()).call("ping", "x".repeat(limit * 4)))
                    .isInstanceOf(IOException.class).hasMessageContaining("HTTP 413");
            HttpExchange.Reply after = HttpExchange.postJson(s.uri(), PING);
            assertThat(after.status()).isEqualTo(200);
            assertThat(JSON.readTree(after.body()).get("result").asText()).isEqualTo("pong");
        }
    }

    @Test
    void pipelinedRequestsOnOneKeepAliveConnectionAreAnsweredInOrder() throws Exception {
        try (RpcServer s = started(ephemeral(), pingOnly()); RawHttpConnection c = new RawHttpConnection(s.port())) {
            StringBuilder burst = new StringBuilder();
            for (int id = 1; id <= 5; id++) {
                burst.append(RawHttpConnection.jsonPost("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}"));
            }
            burst.append("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            c.send(burst.toString());
            for (int id = 1; id <= 5; id++) {
                RawHttpConnection.Response r = c.read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(JSON.readTree(r.body()).get("id").asInt()).isEqualTo(id);
            }
            assertThat(c.read().status()).isEqualTo(405);
            c.send(RawHttpConnection.jsonPost(PING));
            assertThat(c.read().status()).as("the connection is still usable").isEqualTo(200);
        }
    }

    @Test
    void aConnectionCloseRequestIsAnsweredThenClosed() throws Exception {
        try (RpcServer s = started(ephemeral(), pingOnly()); RawHttpConnection c = new RawHttpConnection(s.port())) {
            c.send(RawHttpConnection.jsonPost(PING).replace("Host: 127.0.0.1\r\n", "Host: 127.0.0.1\r\nConnection: close\r\n"));
            assertThat(c.read().status()).isEqualTo(200);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aHeaderBlockOverTheLimitIsRefusedAndTheServerKeepsServing() throws Exception {
        try (RpcServer s = started(ephemeral(), pingOnly()); RawHttpConnection c = new RawHttpConnection(s.port())) {
            String huge = "X-Padding: " + "a".repeat(RpcChannelInitializer.HEADER_BYTES_MAX * 2) + "\r\n";
            c.send(RawHttpConnection.jsonPost(PING).replace("Host: 127.0.0.1\r\n", "Host: 127.0.0.1\r\n" + huge));
            int status = c.read().status();
            assertThat(status).isBetween(400, 499);
            assertThat(c.closedByServer()).isTrue();
            assertThat(HttpExchange.postJson(s.uri(), PING).status()).isEqualTo(200);
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedByTheServer() throws Exception {
        try (RpcServer s = started(ephemeral().withIdleTimeoutSeconds(1), pingOnly());
             RawHttpConnection c = new RawHttpConnection(s.port())) {
            c.send(RawHttpConnection.jsonPost(PING));
            assertThat(c.read().status()).isEqualTo(200);
            assertThat(c.closedByServer()).as("closed before the client's read timeout").isTrue();
        }
    }

    @Test
    void anHttp10RequestWithoutKeepAliveIsAnsweredThenClosed() throws Exception {
        try (RpcServer s = started(ephemeral(), pingOnly()); RawHttpConnection c = new RawHttpConnection(s.port())) {
            c.send(RawHttpConnection.jsonPost(PING).replace("HTTP/1.1", "HTTP/1.0"));
            RawHttpConnection.Response r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("result").asText()).isEqualTo("pong");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aTakenPortIsReportedInPlainWords() throws Exception {
        try (RpcServer first = started(ephemeral(), pingOnly())) {
            RpcServer second = new RpcServer(ephemeral().withPort(first.port()), pingOnly());
            assertThatThrownBy(second::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("port " + first.port() + " on 127.0.0.1 is already in use");
            second.close();
            assertThat(HttpExchange.postJson(first.uri(), PING).status()).isEqualTo(200);
        }
    }

    @Test
    void closingTwiceIsHarmlessAndFreesThePort() throws Exception {
        RpcServer s = started(ephemeral(), pingOnly());
        int port = s.port();
        s.close();
        s.close();
        try (RpcServer again = started(ephemeral().withPort(port), pingOnly())) {
            assertThat(again.port()).isEqualTo(port);
        }
    }

    @Test
    void aBatchOverTheLimitGetsOneInvalidRequestErrorSayingTheLimit() throws Exception {
        try (RpcServer s = started(ephemeral().withMaxBatch(3), pingOnly())) {
            String four = "[" + String.join(",", PING, PING, PING, PING) + "]";
            JsonNode r = JSON.readTree(HttpExchange.postJson(s.uri(), four).body());
            assertThat(r.isObject()).isTrue();
            assertThat(r.get("error").get("code").asInt()).isEqualTo(-32600);
            assertThat(r.get("error").get("message").asText()).contains("limit of 3");
            assertThat(r.get("error").get("data").get("maxBatch").asInt()).isEqualTo(3);
            String three = "[" + String.join(",", PING, PING, PING) + "]";
            assertThat(JSON.readTree(HttpExchange.postJson(s.uri(), three).body())).hasSize(3);
        }
    }

    @Test
    void whenEveryWorkerIsBusyTheServerAnswers503AndItsEventLoopKeepsServing() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MethodRegistry methods = pingOnly().register(RpcMethod.noParams("slow", p -> {
            entered.countDown();
            try {
                release.await(LATCH_WAIT_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return JsonCodec.NODES.textNode("done");
        }));
        try (RpcServer s = started(ephemeral().withWorkers(1, 0), methods)) {
            CompletableFuture<HttpExchange.Reply> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return HttpExchange.postJson(s.uri(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"slow\"}");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(entered.await(LATCH_WAIT_S, TimeUnit.SECONDS)).isTrue();

            HttpExchange.Reply busy = HttpExchange.postJson(s.uri(), PING);
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.headers().firstValue("retry-after")).hasValue("1");
            assertThat(JSON.readTree(busy.body()).get("error").get("code").asInt()).isEqualTo(-32603);
            assertThatThrownBy(() -> new RpcClient(s.uri()).call("ping"))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.getMessage()).contains("busy"));
            assertThat(HttpExchange.get(s.uri()).status()).as("I/O is not stalled by the slow call").isEqualTo(405);

            release.countDown();
            HttpExchange.Reply done = slow.get(LATCH_WAIT_S, TimeUnit.SECONDS);
            assertThat(JSON.readTree(done.body()).get("result").asText()).isEqualTo("done");
            assertThat(HttpExchange.postJson(s.uri(), PING).status()).isEqualTo(200);
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosedOnAccept() throws Exception {
        try (RpcServer s = started(ephemeral().withMaxConnections(1), pingOnly());
             RawHttpConnection first = new RawHttpConnection(s.port())) {
            first.send(RawHttpConnection.jsonPost(PING));
            assertThat(first.read().status()).isEqualTo(200);
            try (RawHttpConnection second = new RawHttpConnection(s.port())) {
                assertThat(second.closedByServer()).isTrue();
            }
            first.send(RawHttpConnection.jsonPost(PING));
            assertThat(first.read().status()).isEqualTo(200);
        }
    }
}
