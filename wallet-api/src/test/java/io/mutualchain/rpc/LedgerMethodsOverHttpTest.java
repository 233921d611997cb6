package io.mutualchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.types.Address;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** mc_getAsset, mc_getSupply and mc_getProof over real HTTP through the SDK: shapes, paging, param errors. */
class LedgerMethodsOverHttpTest {
    private static final Address OWNER = KeyPair.fromSeed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
            21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).address();
    private static final Hash32 ID = Sha256.hash("asset-1".getBytes());
    private static FakeNodeApi node;
    private static RpcServer server;
    private static RpcClient client;

    @BeforeAll
    static void start() throws Exception {
        node = new FakeNodeApi();
        List<AssetView.Record> history = List.of(
                new AssetView.Record(1, 1, Sha256.hash("t1".getBytes()), 3, 1_000, OWNER, 0, "ref".getBytes()),
                new AssetView.Record(5, 3, Sha256.hash("t2".getBytes()), 4, 2_000, OWNER, 1, new byte[0]),
                new AssetView.Record(2, 4, Sha256.hash("t3".getBytes()), 5, 3_000, OWNER, 5, new byte[0]));
        node.putAsset(new AssetView(ID, OWNER, "CNY", 500, 2, new AssetView.Pending(4, OWNER, OWNER, 0), null, 3, 0, history));
        server = new RpcServer(RpcConfig.of("127.0.0.1", 0), node);
        server.start();
        client = new RpcClient(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAssetShowsItsStateItsPendingRequestAndItsHistoryInTheRecordFormat() throws Exception {
        JsonNode a = client.asset(ID).orElseThrow();
        assertThat(a.path("state").asText()).isEqualTo("S2");
        assertThat(a.path("owner").asText()).isEqualTo(OWNER.toString());
        assertThat(a.path("amount").asText()).isEqualTo("500");
        assertThat(a.path("pending").path("event").asText()).isEqualTo("E04");
        assertThat(a.path("history")).hasSize(3);
        JsonNode first = a.path("history").get(0);
        assertThat(first.path("stateCode").asText()).isEqualTo("S1");
        assertThat(first.path("inputCode").asText()).isEqualTo("E01");
        assertThat(first.path("txData").path("fromState").asText()).isEqualTo("S0");
        assertThat(first.path("businessData").asText()).isEqualTo("0x726566");
        JsonNode page = client.call("mc_getAsset", ID, 1, 1);
        assertThat(page.path("history")).hasSize(1);
        assertThat(page.path("history").get(0).path("index").asLong()).isEqualTo(1);
        assertThat(client.asset(Sha256.hash("nothing".getBytes()))).isEmpty();
    }

    @Test
    void theSupplyIsReportedInDecimalMtn() throws Exception {
        JsonNode s = client.supply();
        assertThat(s.path("total").asText()).isEqualTo("400000000");
        assertThat(s.path("locked").asText()).isEqualTo("80000000");
        assertThat(s.path("circulating").asText()).isEqualTo("320000000");
    }

    @Test
    void aProofAnswerRoundTripsAndNamesTheHeaderItVerifiesAgainst() throws Exception {
        ProofView p = new ProofView("asset", new byte[] {2, 1}, new byte[] {9}, 41, Sha256.hash("root".getBytes()), new byte[] {1, 2, 3});
        node.answerProofsWith(p);
        JsonNode raw = client.call("mc_getProof", "asset", ID);
        assertThat(raw.path("verifiesAgainstHeight").asLong()).isEqualTo(42);
        ProofView back = client.proof("asset", ID);
        assertThat(back.height()).isEqualTo(41);
        assertThat(back.stateRoot()).isEqualTo(p.stateRoot());
        assertThat(back.value()).isEqualTo(new byte[] {9});
        assertThat(back.proof()).isEqualTo(new byte[] {1, 2, 3});
        assertThat(client.proof("account", OWNER).kind()).isEqualTo("asset");
    }

    @Test
    void aProofOfAnUnknownKindIsAnInvalidParam() {
        RpcException e = catchThrowableOfType(() -> client.call("mc_getProof", "contract", ID), RpcException.class);
        assertThat(e.code()).isEqualTo(-32602);
        assertThat(e.getMessage()).contains("kind");
    }
}
