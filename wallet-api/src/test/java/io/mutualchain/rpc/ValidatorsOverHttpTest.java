package io.mutualchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.types.Address;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** mc_getValidators over real HTTP through the SDK: the default height, explicit heights, the pending set, and bad params. */
class ValidatorsOverHttpTest {
    private static final KeyPair JOINER = KeyPair.fromSeed(new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
            9, 9, 9, 9, 9, 9, 9, 9});
    private static FakeNodeApi node;
    private static RpcServer server;
    private static RpcClient client;

    @BeforeAll
    static void start() throws Exception {
        node = new FakeNodeApi();
        node.commitPending();
        node.commitPending();
        server = new RpcServer(RpcConfig.of("127.0.0.1", 0), node);
        server.start();
        client = new RpcClient(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void withoutAHeightTheAnswerIsTheSetThatSignsTheNextBlock() throws Exception {
        node.pendingValidators = Optional.empty();
        JsonNode v = client.validators();
        assertThat(v.path("height").asLong()).isEqualTo(3);
        assertThat(v.path("epochBase").asLong()).isZero();
        assertThat(v.path("quorum").asInt()).isEqualTo(1);
        assertThat(v.path("maxFaulty").asInt()).isZero();
        assertThat(v.path("validators")).hasSize(1);
        JsonNode first = v.path("validators").get(0);
        assertThat(first.path("name").asText()).isEqualTo("fake-0");
        assertThat(first.path("publicKey").asText()).isEqualTo("0x" + node.validator.publicKey().toHex());
        assertThat(first.path("address").asText()).isEqualTo(Address.of(node.validator.publicKey()).toString());
        assertThat(v.path("pending").isNull()).isTrue();
        assertThat(v.fieldNames()).toIterable().containsExactly("height", "epochBase", "quorum", "maxFaulty", "validators", "pending");
    }

    @Test
    void anExplicitHeightByPositionOrByNameIsAnswered() throws Exception {
        assertThat(client.validators(1).path("height").asLong()).isEqualTo(1);
        assertThat(client.callNamed("mc_getValidators", Map.of("height", 2)).path("height").asLong()).isEqualTo(2);
    }

    @Test
    void anApprovedNextSetIsShownWithTheFirstHeightItSigns() throws Exception {
        ValidatorSet next = new ValidatorSet(List.of(new Validator("fake-0", node.validator.publicKey()), new Validator("joiner", JOINER.publicKey())));
        node.pendingValidators = Optional.of(new ValidatorsView.Pending(101, next));
        try {
            JsonNode p = client.validators().path("pending");
            assertThat(p.path("fromHeight").asLong()).isEqualTo(101);
            assertThat(p.path("validators")).hasSize(2);
            assertThat(p.path("validators").get(1).path("name").asText()).isEqualTo("joiner");
            assertThat(p.path("validators").get(1).path("address").asText()).isEqualTo(JOINER.address().toString());
        } finally {
            node.pendingValidators = Optional.empty();
        }
    }

    @Test
    void aHeightOutsideTheKnownRangeIsAnInvalidParamSayingTheRange() {
        for (long bad : new long[] {0, 4, 1_000}) {
            RpcException e = catchThrowableOfType(() -> client.validators(bad), RpcException.class);
            assertThat(e.code()).as("height %d", bad).isEqualTo(-32602);
            assertThat(e.getMessage()).contains("height").contains("outside 1..3");
        }
    }

    @Test
    void aHeightThatIsNotANonNegativeIntegerIsAnInvalidParam() {
        for (Object bad : new Object[] {"latest", -1, 1.5, true}) {
            RpcException e = catchThrowableOfType(() -> client.call("mc_getValidators", bad), RpcException.class);
            assertThat(e.code()).as("height %s", bad).isEqualTo(-32602);
            assertThat(e.getMessage()).contains("height");
        }
    }
}
