package io.mutualchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.tx.ContractDeploy;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** mc_call, mc_estimateGas and mc_getContract over real HTTP: argument parsing, answer shapes, failures, param errors. */
class ContractMethodsOverHttpTest {
    private static final Address CONTRACT = KeyPair.fromSeed(new byte[32]).address();
    private static final Address FROM = KeyPair.fromSeed(Sha256.hash("from".getBytes()).toBytes()).address();
    private static FakeNodeApi node;
    private static RpcServer server;
    private static RpcClient client;

    @BeforeAll
    static void start() throws Exception {
        node = new FakeNodeApi();
        node.putContract(new ContractView(CONTRACT, Sha256.hash("code".getBytes()), FROM, 3, 5 * Mtn.UNIT, 120,
                List.of(new ContractView.Function("bump", List.of(new ContractView.Param("by", "int")), List.of("int")))));
        server = new RpcServer(RpcConfig.of("127.0.0.1", 0), node);
        server.start();
        client = new RpcClient(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ContractCallView success(long gas, AbiValue... result) {
        return new ContractCallView("SUCCESS", gas, List.of(result),
                List.of(new ContractCallView.Event(CONTRACT, List.of("bumped".getBytes(StandardCharsets.UTF_8)), new byte[] {7})),
                new byte[0], "", null);
    }

    @Test
    void mcCallPassesIntsAndBytesAndShowsResultsAndEvents() throws Exception {
        node.answerCallsWith(success(321, new AbiValue.Int(12), new AbiValue.Bytes(new byte[] {(byte) 0xab})));
        JsonNode r = client.call("mc_call", CONTRACT.toString(), "bump", List.of(5, "0x01ff", "0x"), FROM.toString(), "1.5");
        assertThat(node.lastCall.args()).containsExactly(new AbiValue.Int(5), new AbiValue.Bytes(new byte[] {1, (byte) 0xff}),
                new AbiValue.Bytes(new byte[0]));
        assertThat(node.lastCall.from()).isEqualTo(FROM);
        assertThat(node.lastCall.value()).isEqualTo(150_000_000L);
        assertThat(node.lastCallGas).isEqualTo(ContractDeploy.GAS_LIMIT_MAX);
        assertThat(r.path("success").asBoolean()).isTrue();
        assertThat(r.path("executionStatus").asText()).isEqualTo("SUCCESS");
        assertThat(r.path("gasUsed").asLong()).isEqualTo(321);
        assertThat(r.path("result").get(0).asLong()).isEqualTo(12);
        assertThat(r.path("result").get(1).asText()).isEqualTo("0xab");
        assertThat(r.path("events").get(0).path("topics").get(0).asText()).isEqualTo("0x" + "bumped".chars()
                .mapToObj(c -> String.format("%02x", c)).reduce("", String::concat));
        assertThat(r.path("events").get(0).path("contract").asText()).isEqualTo(CONTRACT.toString());
    }

    @Test
    void aRevertIsAnAnswerOfMcCallButAnErrorOfMcEstimateGas() throws Exception {
        ContractCallView reverted = new ContractCallView("REVERTED", 40, List.of(), List.of(), "no way".getBytes(StandardCharsets.UTF_8),
                "no way", null);
        node.answerCallsWith(reverted);
        JsonNode r = client.callNamed("mc_call", Map.of("contract", CONTRACT.toString(), "function", "bump", "args", List.of(1), "gas", 1000));
        assertThat(node.lastCallGas).isEqualTo(1000);
        assertThat(r.path("success").asBoolean()).isFalse();
        assertThat(r.path("revertReasonText").asText()).isEqualTo("no way");
        assertThat(node.lastCall.from()).isEqualTo(Address.ofBytes(new byte[Address.SIZE]));
        RpcException e = catchThrowableOfType(() -> client.call("mc_estimateGas", CONTRACT.toString(), "bump", List.of(1)), RpcException.class);
        assertThat(e.code()).isEqualTo(-32030);
        assertThat(e.getMessage()).contains("REVERTED").contains("no way");
        node.answerCallsWith(success(777));
        assertThat(client.call("mc_estimateGas", CONTRACT.toString(), "bump", List.of(1)).asLong()).isEqualTo(777);
    }

    @Test
    void mcGetContractShowsTheCodeHashAndTheAbi() throws Exception {
        JsonNode c = client.call("mc_getContract", CONTRACT.toString());
        assertThat(c.path("codeHash").asText()).isEqualTo(JsonViews.hash(Sha256.hash("code".getBytes())));
        assertThat(c.path("functions").get(0).path("name").asText()).isEqualTo("bump");
        assertThat(c.path("functions").get(0).path("params").get(0).path("type").asText()).isEqualTo("int");
        assertThat(c.path("functions").get(0).path("results").get(0).asText()).isEqualTo("int");
        assertThat(c.path("balance").asText()).isEqualTo("5");
        assertThat(client.call("mc_getContract", FROM.toString()).isNull()).isTrue();
    }

    @Test
    void badArgumentsAreInvalidParamsThatNameTheArgument() {
        RpcException notArray = catchThrowableOfType(() -> client.call("mc_call", CONTRACT.toString(), "bump", 5), RpcException.class);
        assertThat(notArray.code()).isEqualTo(-32602);
        assertThat(notArray.getMessage()).contains("args");
        RpcException badItem = catchThrowableOfType(() -> client.call("mc_call", CONTRACT.toString(), "bump", List.of(1.5)), RpcException.class);
        assertThat(badItem.getMessage()).contains("args[0]");
        RpcException badValue = catchThrowableOfType(() -> client.call("mc_call", CONTRACT.toString(), "bump", List.of(), null, 5),
                RpcException.class);
        assertThat(badValue.getMessage()).contains("value");
        RpcException noFunction = catchThrowableOfType(() -> client.call("mc_call", CONTRACT.toString()), RpcException.class);
        assertThat(noFunction.code()).isEqualTo(-32602);
    }

    @Test
    void aContractReceiptShowsGasResultEventsAndRevertReason() {
        ReceiptView r = new ReceiptView(Hash32.of(new byte[32]), 4, 0, Hash32.of(new byte[32]), false, "NOT_ALLOWED: REVERTED: no", 5_000,
                new ContractCallView("REVERTED", 99, List.of(), List.of(), "no".getBytes(StandardCharsets.UTF_8), "no", null));
        JsonNode j = JsonViews.receipt(r);
        assertThat(j.path("gasUsed").asLong()).isEqualTo(99);
        assertThat(j.path("executionStatus").asText()).isEqualTo("REVERTED");
        assertThat(j.path("revertReason").asText()).isEqualTo("0x6e6f");
        assertThat(j.path("revertReasonText").asText()).isEqualTo("no");
    }
}
