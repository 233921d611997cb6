package io.mutualchain.rpc.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The protocol rules the specification examples do not pin down, checked without a network. */
class JsonRpcDispatcherTest {
    private static final int MAX_BATCH = 4;
    private final MethodRegistry registry = SpecFixtureMethods.registry()
            .register(RpcMethod.noParams("boom", p -> {
                throw new IllegalStateException("database file /secret is corrupt");
            }))
            .register(RpcMethod.of("echo", List.of("value"), 0, p -> p.optional("value").orElse(JsonCodec.NODES.textNode("absent"))));
    private final JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(registry, MAX_BATCH);

    private Optional<JsonNode> handle(String body) {
        return dispatcher.handle(body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode answer(String body) {
        return handle(body).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "0", "-5", "12345678901234567890123", "1.5", "1.50", "null", "\"\""})
    void everyValidIdIsEchoedWithItsValueAndType(String id) throws Exception {
        JsonNode r = answer("{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":" + id + "}");
        assertThat(r.get("id")).isEqualTo(JsonCodec.mapper().readTree(id));
        assertThat(r.has("result")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "[1]", "{}"})
    void anIdThatIsNotStringNumberOrNullIsAnInvalidRequestWithIdNull(String id) {
        JsonNode r = answer("{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":" + id + "}");
        assertThat(r.get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(r.get("id").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":1} {}",
        "{\"jsonrpc\":\"2.0\",\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":1}",
        "{'jsonrpc':'2.0'}",
        "[1,]",
    })
    void emptyBodiesTrailingTokensDuplicateKeysAndLenientSyntaxAreParseErrors(String body) {
        JsonNode r = answer(body);
        assertThat(r.get("error").get("code").asInt()).isEqualTo(-32700);
        assertThat(r.get("id").isNull()).isTrue();
    }

    @Test
    void nestingDeeperThanTheBoundIsAParseErrorNotAStackOverflow() {
        String deep = "[".repeat(JsonCodec.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonCodec.MAX_NESTING_DEPTH + 1);
        JsonNode r = answer(deep);
        assertThat(r.get("error").get("code").asInt()).isEqualTo(-32700);
    }

    @Test
    void invalidUtf8IsAParseError() {
        byte[] body = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        assertThat(dispatcher.handle(body).orElseThrow().get("error").get("code").asInt()).isEqualTo(-32700);
    }

    @Test
    void aParseErrorSaysWhereButQuotesNoMoreThanABoundedPrefix() {
        String junk = "{\"a\": " + "x".repeat(10_000);
        String message = answer(junk).get("error").get("message").asText();
        assertThat(message).startsWith("Parse error").contains("line 1");
        assertThat(message.length()).isLessThan(300);
    }

    @Test
    void aFailingNotificationIsStillNeverAnswered() {
        assertThat(handle("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1]}")).isEmpty();
        assertThat(handle("{\"jsonrpc\":\"2.0\",\"method\":\"boom\"}")).isEmpty();
        assertThat(handle("{\"jsonrpc\":\"2.0\",\"method\":\"nope\"}")).isEmpty();
    }

    @Test
    void aMalformedRequestWithoutIdIsAnsweredBecauseItIsNotANotification() {
        JsonNode r = answer("{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"params\":\"x\"}");
        assertThat(r.get("error").get("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void anInternalFailureHidesItsDetailsAndGivesAReference() {
        JsonNode error = answer("{\"jsonrpc\":\"2.0\",\"method\":\"boom\",\"id\":1}").get("error");
        assertThat(error.get("code").asInt()).isEqualTo(-32603);
        assertThat(error.toString()).doesNotContain("secret").doesNotContain("IllegalStateException");
        assertThat(error.get("message").asText()).contains("ref " + error.get("data").get("ref").asLong());
    }

    @Test
    void aBatchAtTheLimitIsServedAndOneOverItIsRefusedWhole() {
        String one = "{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":1}";
        assertThat(answer("[" + String.join(",", List.of(one, one, one, one)) + "]")).hasSize(MAX_BATCH);
        JsonNode over = answer("[" + String.join(",", List.of(one, one, one, one, one)) + "]");
        assertThat(over.isObject()).isTrue();
        assertThat(over.get("error").get("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void aNestedBatchIsAnInvalidRequestInsideTheBatch() {
        JsonNode r = answer("[[{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":1}]]");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).get("error").get("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void anExplicitNullParamCountsAsAbsent() {
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[null],\"id\":1}").get("result").asText()).isEqualTo("absent");
        assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"value\":3},\"id\":1}").get("result").asInt()).isEqualTo(3);
    }

    @Test
    void theRegistryRefusesReservedAndDuplicateNames() {
        assertThatThrownBy(() -> new MethodRegistry().register(RpcMethod.noParams("rpc.ping", p -> null)))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> registry.register(RpcMethod.noParams("sum", p -> null)))
                .hasMessageContaining("already registered");
        assertThat(handle("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}").orElseThrow()
                .get("error").get("code").asInt()).isEqualTo(-32601);
    }
}
