package io.mutualchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.methods.NodeMethods;
import io.mutualchain.rpc.proof.HandoverChainFixture;
import io.mutualchain.rpc.proof.ValidatorSetChain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** mc_getValidatorHandovers over real HTTP: its JSON shape, fromBase, the page bound, and the SDK's answer checked by ValidatorSetChain. */
class HandoversOverHttpTest {
    private static final HandoverChainFixture FX = new HandoverChainFixture();
    private static FakeNodeApi node;
    private static RpcServer server;
    private static RpcClient client;

    @BeforeAll
    static void start() throws Exception {
        node = new FakeNodeApi();
        node.handovers = List.of(FX.toEpoch8(), FX.toEpoch12());
        server = new RpcServer(RpcConfig.of("127.0.0.1", 0), node);
        server.start();
        client = new RpcClient(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void eachHandoverRendersItsBaseHeaderCertificateProofAndValidators() throws Exception {
        JsonNode all = client.call(NodeMethods.GET_VALIDATOR_HANDOVERS);
        assertThat(all).hasSize(2);
        JsonNode h = all.get(0);
        assertThat(h.fieldNames()).toIterable().containsExactly("base", "header", "certificate", "proof", "validators");
        assertThat(h.path("base").asLong()).isEqualTo(8);
        assertThat(h.path("header").path("height").asLong()).isEqualTo(8);
        assertThat(h.path("header").path("hash").asText()).isEqualTo(JsonViews.hash(FX.toEpoch8().header().hash()));
        assertThat(h.path("certificate").path("signatures")).hasSize(3);
        assertThat(h.path("proof").path("kind").asText()).isEqualTo("validators");
        assertThat(h.path("proof").path("stateKey").asText()).isEqualTo("0x09");
        assertThat(h.path("proof").path("height").asLong()).isEqualTo(7);
        assertThat(h.path("proof").path("verifiesAgainstHeight").asLong()).isEqualTo(8);
        assertThat(h.path("proof").path("stateRoot").asText()).isEqualTo(h.path("header").path("stateRoot").asText());
        assertThat(h.path("validators")).hasSize(5);
        assertThat(node.lastHandoversMax).isEqualTo(NodeMethods.HANDOVERS_PAGE_MAX);
    }

    @Test
    void theSdkReadsTheHandoversBackAndTheyVerifyFromTheGenesisSet() throws Exception {
        List<HandoverView> hs = client.validatorHandovers(1);
        ValidatorSetChain.Result r = ValidatorSetChain.verify(HandoverChainFixture.CHAIN, FX.genesis, hs);
        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(r.setAt(13)).isEqualTo(FX.withEf);
    }

    @Test
    void fromBaseSkipsTheOlderOnesByPositionOrByName() throws Exception {
        assertThat(client.validatorHandovers(9)).extracting(HandoverView::base).containsExactly(12L);
        assertThat(client.callNamed(NodeMethods.GET_VALIDATOR_HANDOVERS, Map.of("fromBase", 13))).isEmpty();
    }

    @Test
    void aFromBaseThatIsNotANonNegativeIntegerIsAnInvalidParam() {
        for (Object bad : new Object[] {"latest", -1, 1.5}) {
            RpcException e = catchThrowableOfType(() -> client.call(NodeMethods.GET_VALIDATOR_HANDOVERS, bad), RpcException.class);
            assertThat(e.code()).as("fromBase %s", bad).isEqualTo(-32602);
            assertThat(e.getMessage()).contains("fromBase");
        }
    }
}
