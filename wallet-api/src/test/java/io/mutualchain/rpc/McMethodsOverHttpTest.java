package io.mutualchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mc_ methods as raw JSON over real HTTP: exact shapes, param errors, batches, notifications. */
class McMethodsOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair ALICE = KeyPair.fromSeed(seed(1));
    private static final Address BOB = KeyPair.fromSeed(seed(2)).address();
    private static FakeNodeApi node;
    private static RpcServer server;

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) b);
        return s;
    }

    @BeforeAll
    static void start() throws Exception {
        node = new FakeNodeApi();
        node.fund(ALICE.address(), Mtn.parse("1000.5"));
        node.sendRawTransaction(Transaction.sign(FakeNodeApi.CHAIN_ID, ALICE, 0, FakeNodeApi.BASE_FEE, new Transfer(BOB, Mtn.parse("0.25"))).encode());
        node.commitPending();
        server = new RpcServer(RpcConfig.of("127.0.0.1", 0), node);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode post(String body) throws Exception {
        HttpExchange.Reply r = HttpExchange.postJson(server.uri(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode call(String method, String params) throws Exception {
        return post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    @Test
    void anAccountShowsDecimalMtnAndBaseUnitsAsStrings() throws Exception {
        JsonNode r = call("mc_getAccount", "[\"" + ALICE.address() + "\"]").get("result");
        assertThat(r.get("address").asText()).isEqualTo(ALICE.address().toString());
        assertThat(r.get("balance").isTextual()).isTrue();
        assertThat(r.get("balance").asText()).isEqualTo("1000.24999");
        assertThat(r.get("balanceUnits").asText()).isEqualTo("100024999000");
        assertThat(r.get("nonce").isIntegralNumber()).isTrue();
        assertThat(r.get("nonce").asLong()).isEqualTo(1);
    }

    @Test
    void aBlockCarriesHeaderFieldsTransactionIdsAndItsCommitCertificate() throws Exception {
        JsonNode b = call("mc_getBlockByNumber", "[1]").get("result");
        assertThat(b.get("height").asLong()).isEqualTo(1);
        assertThat(b.get("hash").asText()).startsWith("0x").hasSize(66);
        for (String f : List.of("chainId", "prevHash", "timestampMs", "txRoot", "stateRoot", "txCount", "proposer", "proposerAddress", "view")) {
            assertThat(b.has(f)).as(f).isTrue();
        }
        assertThat(b.get("transactions").get(0).isTextual()).isTrue();
        JsonNode cert = b.get("certificate");
        assertThat(cert.get("blockHash")).isEqualTo(b.get("hash"));
        assertThat(cert.get("height").asLong()).isEqualTo(1);
        assertThat(cert.get("signatures").get(0).get("validator").asText()).isEqualTo(JsonViews.hex(node.validator.publicKey().toBytes()));
        assertThat(cert.get("signatures").get(0).get("signature").asText()).startsWith("0x").hasSize(130);
    }

    @Test
    void noNumberInAnyAnswerIsAFloat() throws Exception {
        List<JsonNode> answers = List.of(
                call("mc_getBlockByNumber", "[\"latest\", true]"),
                call("mc_getAccount", "{\"address\":\"" + BOB + "\"}"),
                call("mc_status", "[]"));
        for (JsonNode a : answers) {
            assertThat(numbers(a)).allSatisfy(n -> assertThat(n.isIntegralNumber()).as(n.toString()).isTrue());
        }
    }

    private static List<JsonNode> numbers(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n.isNumber()) {
            out.add(n);
        }
        n.elements().forEachRemaining(c -> out.addAll(numbers(c)));
        return out;
    }

    @ParameterizedTest(name = "{0} {1} -> param {2}")
    @CsvSource(delimiter = '|', value = {
            "mc_getBlockByNumber | [-1]                      | height",
            "mc_getBlockByNumber | [1.5]                     | height",
            "mc_getBlockByNumber | [\"earliest\"]            | height",
            "mc_getBlockByNumber | [1, \"yes\"]              | fullTransactions",
            "mc_getBlockByNumber | []                        | height",
            "mc_getBlockByHash   | [\"0x1234\"]              | hash",
            "mc_getTransaction   | [\"abcd\"]                | txId",
            "mc_getReceipt       | [\"0xzz\"]                | txId",
            "mc_getReceipt       | [42]                      | txId",
            "mc_sendRawTransaction | [\"0x\"]                | raw",
            "mc_sendRawTransaction | [\"0x123\"]             | raw",
            "mc_sendRawTransaction | {\"raw\": null}         | raw",
            "mc_getAccount       | [\"0x00\"]                | address",
            "mc_getAccount       | [\"mc1234\"]              | address",
    })
    void aMalformedParamGetsInvalidParamsNamingTheParam(String method, String params, String param) throws Exception {
        JsonNode error = call(method, params).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(-32602);
        assertThat(error.get("message").asText()).contains("'" + param + "'");
        assertThat(error.get("data").get("param").asText()).isEqualTo(param);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "mc_getReceipt  | [\"0x00\", 1]                | at most 1",
            "mc_getReceipt  | {\"txid\": \"0x00\"}         | no param named 'txid'",
            "mc_chainId     | [1]                          | at most 0",
    })
    void wrongArityOrAnUnknownParamNameIsInvalidParams(String method, String params, String says) throws Exception {
        JsonNode error = call(method, params).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(-32602);
        assertThat(error.get("message").asText()).contains(says);
    }

    @Test
    void aBatchOfMcCallsIsAnsweredEntryByEntry() throws Exception {
        JsonNode answers = post("["
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"mc_blockNumber\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"mc_health\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"mc_getAccount\",\"params\":[\"nope\"]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"mc_noSuchThing\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"four\",\"method\":\"mc_chainId\",\"params\":{}}"
                + "]");
        Map<String, JsonNode> byId = new HashMap<>();
        answers.forEach(a -> byId.put(a.get("id").asText(), a));
        assertThat(answers).hasSize(4);
        assertThat(byId.get("1").get("result").asLong()).isEqualTo(1);
        assertThat(byId.get("2").get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(byId.get("3").get("error").get("code").asInt()).isEqualTo(-32601);
        assertThat(byId.get("four").get("result").asText()).isEqualTo(FakeNodeApi.CHAIN_ID);
    }

    @Test
    void aNotificationOfARealMethodGetsHttp204AndNoBody() throws Exception {
        HttpExchange.Reply r = HttpExchange.postJson(server.uri(), "{\"jsonrpc\":\"2.0\",\"method\":\"mc_blockNumber\"}");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void anInternalFailureIsReportedWithAReferenceButWithoutItsDetails() throws Exception {
        node.failStatusWith(new IllegalStateException("secret path /var/lib/node at com.example.Db"));
        try {
            JsonNode error = call("mc_status", "[]").get("error");
            assertThat(error.get("code").asInt()).isEqualTo(-32603);
            assertThat(error.toString()).doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("com.example");
            assertThat(error.get("data").get("ref").isIntegralNumber()).isTrue();
        } finally {
            node.failStatusWith(null);
        }
        assertThat(call("mc_status", "[]").has("result")).isTrue();
    }

    @Test
    void aTransactionIsRenderedWithEveryDocumentedField() throws Exception {
        JsonNode block = call("mc_getBlockByNumber", "{\"height\":\"latest\",\"fullTransactions\":true}").get("result");
        JsonNode tx = block.get("transactions").get(0);
        List<String> names = new ArrayList<>();
        tx.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "chainId", "from", "publicKey", "nonce", "maxFee", "maxFeeUnits", "kind",
                "to", "amount", "amountUnits", "signature", "raw", "height", "index", "blockHash");
        assertThat(tx.get("amount").asText()).isEqualTo("0.25");
        assertThat(tx.get("maxFee").asText()).isEqualTo("0.00001");
        assertThat(tx.get("publicKey").asText()).isEqualTo(JsonViews.hex(ALICE.publicKey().toBytes()));
        JsonNode again = call("mc_getTransaction", "[\"" + tx.get("id").asText() + "\"]").get("result");
        assertThat(again).isEqualTo(tx);
    }
}
