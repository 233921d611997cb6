package io.mutualchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The node's caps on read-only runs, as an RPC caller meets them over real HTTP: typed errors with stable codes. */
class CallCapsOverHttpTest {
    private static final String CONTRACT = KeyPair.fromSeed(new byte[32]).address().toString();
    private static final long CAP = 1_000_000;
    private FakeNodeApi node;
    private RpcServer server;
    private RpcClient client;

    @BeforeEach
    void start() throws Exception {
        node = new FakeNodeApi();
        node.callGasMax = CAP;
        server = new RpcServer(RpcConfig.of("127.0.0.1", 0), node);
        server.start();
        client = new RpcClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ContractCallView ended(String status, long gas) {
        return new ContractCallView(status, gas, List.of(), List.of(), new byte[0], status.equals("SUCCESS") ? "" : "out of gas", null);
    }

    @Test
    void aCallWithoutGasRunsAtTheNodesCap() throws Exception {
        node.answerCallsWith(ended("SUCCESS", 500));
        JsonNode r = client.call("mc_call", CONTRACT, "spin", List.of());
        assertThat(node.lastCallGas).isEqualTo(CAP);
        assertThat(r.path("executionStatus").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void askingForMoreGasThanTheCapIsRefusedBeforeAnythingRuns() {
        node.answerCallsWith(ended("SUCCESS", 500));
        node.lastCall = null;
        RpcException e = catchThrowableOfType(() -> client.callNamed("mc_call", Map.of("contract", CONTRACT, "function", "spin",
                "gas", 5_000_000)), RpcException.class);
        assertThat(e.code()).isEqualTo(CallLimitException.Kind.GAS_CAP.rpcCode()).isEqualTo(-32031);
        assertThat(e.getMessage()).contains("5000000").contains("1000000").contains("rpc.callGasMax");
        assertThat(node.lastCall).as("nothing ran").isNull();
    }

    @Test
    void aCallThatRunsOutOfGasAtTheCapIsTheCapErrorAndBelowItAnOrdinaryAnswer() throws Exception {
        node.answerCallsWith(ended("OUT_OF_GAS", CAP));
        RpcException e = catchThrowableOfType(() -> client.call("mc_call", CONTRACT, "spin", List.of()), RpcException.class);
        assertThat(e.code()).isEqualTo(-32031);
        assertThat(e.getMessage()).contains("ran out of gas at this node's cap");
        RpcException estimate = catchThrowableOfType(() -> client.call("mc_estimateGas", CONTRACT, "spin", List.of()), RpcException.class);
        assertThat(estimate.code()).isEqualTo(-32031);
        assertThat(node.lastCallGas).isEqualTo(CAP);

        node.answerCallsWith(ended("OUT_OF_GAS", 1_000));
        JsonNode r = client.callNamed("mc_call", Map.of("contract", CONTRACT, "function", "spin", "gas", 1_000));
        assertThat(r.path("executionStatus").asText()).as("the caller's own limit, not the node's cap").isEqualTo("OUT_OF_GAS");
    }

    @Test
    void theNodesTimeCapAndAFullQueueAreTheirOwnErrors() {
        node.callFailure = new CallLimitException(CallLimitException.Kind.TIME_CAP, "the call ran longer than this node's cap of 1000 ms");
        RpcException slow = catchThrowableOfType(() -> client.call("mc_call", CONTRACT, "spin", List.of()), RpcException.class);
        assertThat(slow.code()).isEqualTo(-32032);
        assertThat(slow.getMessage()).contains("1000 ms");
        node.callFailure = new CallLimitException(CallLimitException.Kind.BUSY, "every call worker of this node is busy");
        RpcException busy = catchThrowableOfType(() -> client.call("mc_estimateGas", CONTRACT, "spin", List.of()), RpcException.class);
        assertThat(busy.code()).isEqualTo(-32033);
    }
}
