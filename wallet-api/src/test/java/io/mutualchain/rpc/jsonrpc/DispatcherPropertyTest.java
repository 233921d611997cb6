package io.mutualchain.rpc.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever arrives, the dispatcher answers with well-formed JSON-RPC or nothing, and never throws. */
class DispatcherPropertyTest {
    private final JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(SpecFixtureMethods.registry(), 8);

    @Property(tries = 500)
    void arbitraryBytesGetAWellFormedAnswerOrNone(@ForAll byte[] body) {
        check(dispatcher.handle(body));
    }

    @Property(tries = 500)
    void jsonLikeTextGetsAWellFormedAnswerOrNone(@ForAll("jsonish") String body) {
        check(dispatcher.handle(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> jsonish() {
        List<String> pieces = List.of("{", "}", "[", "]", ",", ":", "\"jsonrpc\"", "\"2.0\"", "\"method\"", "\"subtract\"",
                "\"sum\"", "\"params\"", "\"id\"", "1", "-2.5", "null", "true", "\"x\"", " ");
        return Arbitraries.of(pieces).list().ofMaxSize(30).map(l -> String.join("", l));
    }

    private static void check(Optional<JsonNode> answer) {
        if (answer.isEmpty()) {
            return;
        }
        JsonNode a = answer.get();
        if (a.isArray()) {
            assertThat(a).isNotEmpty();
            a.forEach(DispatcherPropertyTest::checkOne);
        } else {
            checkOne(a);
        }
    }

    private static void checkOne(JsonNode r) {
        assertThat(r.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(r.has("result")).isNotEqualTo(r.has("error"));
        assertThat(r.has("id")).isTrue();
        if (r.has("error")) {
            assertThat(r.get("error").get("code").isInt()).isTrue();
            assertThat(r.get("error").get("message").isTextual()).isTrue();
        }
    }
}
