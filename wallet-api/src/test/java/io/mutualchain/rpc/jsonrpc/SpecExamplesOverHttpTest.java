package io.mutualchain.rpc.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutualchain.rpc.HttpExchange;
import io.mutualchain.rpc.RpcConfig;
import io.mutualchain.rpc.RpcServer;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the JSON-RPC 2.0 specification examples file (section 7, plus its derived strict
 * cases, which our API doc promises) posted to a real server on loopback, compared by the file's
 * own comparison_rules: structurally, id by value and type, error code but not message, batches
 * as multisets, "no response" as HTTP 204 with an empty body.
 */
class SpecExamplesOverHttpTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static RpcServer server;
    private static JsonNode vectors;

    @BeforeAll
    static void start() throws Exception {
        try (InputStream in = SpecExamplesOverHttpTest.class.getResourceAsStream("/jsonrpc/jsonrpc2_spec_examples.json")) {
            vectors = PLAIN.readTree(in);
        }
        server = new RpcServer(RpcConfig.of("127.0.0.1", 0), SpecFixtureMethods.registry());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theVectorFileHasAllTwentyFourCases() {
        assertThat(vectors.get("cases")).hasSize(24);
    }

    @TestFactory
    Stream<DynamicTest> everySpecExampleIsAnsweredAsTheSpecificationSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : vectors.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> runCase(c)));
        }
        return tests.stream();
    }

    private static void runCase(JsonNode c) throws Exception {
        HttpExchange.Reply reply = HttpExchange.postJson(server.uri(), c.get("request_raw").asText());
        JsonNode expected = c.get("expected_response");
        if (expected.isNull()) {
            assertThat(reply.status()).as("no response means HTTP 204").isEqualTo(204);
            assertThat(reply.body()).isEmpty();
            return;
        }
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode actual = PLAIN.readTree(reply.body());
        if (expected.isArray()) {
            assertThat(actual.isArray()).as("batch answer is an array: %s", actual).isTrue();
            assertThat(actual).hasSize(expected.size());
            List<JsonNode> unmatched = new ArrayList<>();
            actual.forEach(unmatched::add);
            for (JsonNode e : expected) {
                JsonNode match = unmatched.stream().filter(a -> matches(e, a, null)).findFirst().orElse(null);
                assertThat(match).as("an answer matching %s among %s", e, unmatched).isNotNull();
                unmatched.remove(match);
            }
        } else {
            assertThat(matches(expected, actual, c.get("accept_ids"))).as("expected %s, got %s", expected, actual).isTrue();
        }
    }

    /** One response object per the comparison rules. */
    private static boolean matches(JsonNode expected, JsonNode actual, JsonNode acceptIds) {
        if (!actual.isObject() || !"2.0".equals(actual.path("jsonrpc").textValue())) {
            return false;
        }
        if (actual.has("result") == actual.has("error")) {
            return false;
        }
        boolean idOk = acceptIds == null ? expected.get("id").equals(actual.get("id")) : contains(acceptIds, actual.get("id"));
        if (!idOk) {
            return false;
        }
        if (expected.has("error")) {
            return actual.has("error") && expected.get("error").get("code").equals(actual.get("error").get("code"))
                    && actual.get("error").get("message").isTextual();
        }
        return actual.has("result") && expected.get("result").equals(actual.get("result"));
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode v : array) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
