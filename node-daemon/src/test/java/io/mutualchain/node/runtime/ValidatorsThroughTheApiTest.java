package io.mutualchain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.tx.ValidatorVote;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.node.cli.InProcessCli;
import io.mutualchain.node.cli.Printer;
import io.mutualchain.rpc.RpcConfig;
import io.mutualchain.rpc.RpcServer;
import io.mutualchain.rpc.ValidatorsView;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator set as the node serves it: NodeApiAdapter over a real ledger (four validators, K = 4)
 * where a quorum has approved a fifth, then mc_getValidators over HTTP and the {@code validators} command.
 */
class ValidatorsThroughTheApiTest {
    @TempDir
    Path dir;
    private final GovernedChain chain = new GovernedChain("mc-validators-api", 0x77);
    private final List<KeyPair> validators = chain.validators;
    private final KeyPair joiner = chain.joiner;
    private final Genesis genesis = chain.genesis;

    /** Funds the validators (height 1) and has three of four vote for the joiner (heights 2 to 4; approved at 4, in force from 9). */
    private Ledger ledgerWithAnApprovedJoiner() throws LedgerException {
        Ledger l = chain.openFunded(dir.resolve("data"));
        ValidatorVote add = ValidatorVote.add(joiner.publicKey(), "joiner", 0);
        for (int i = 0; i < 3; i++) {
            assertThat(chain.vote(l, validators.get(i), add).succeeded()).isTrue();
        }
        return l;
    }

    @Test
    void theAdapterShowsTheSetInForceAndTheApprovedOneUntilItTakesOver() throws Exception {
        try (Ledger l = ledgerWithAnApprovedJoiner()) {
            NodeApiAdapter api = GovernedChain.adapter(l);
            ValidatorsView now = api.validators(5);
            assertThat(now.epochBase()).isZero();
            assertThat(now.validators()).isEqualTo(genesis.validatorSet());
            assertThat(now.pending().orElseThrow().fromHeight()).isEqualTo(9);
            assertThat(now.pending().get().validators().size()).isEqualTo(5);
            assertThat(api.validators(2).pending()).isPresent();
            assertThatThrownBy(() -> api.validators(6)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside 1..5");
            assertThatThrownBy(() -> api.validators(0)).isInstanceOf(IllegalArgumentException.class);
            while (l.height() < 8) {
                chain.commit(l, List.of());
            }
            ValidatorsView next = api.validators(9);
            assertThat(next.epochBase()).isEqualTo(8);
            assertThat(next.validators().size()).isEqualTo(5);
            assertThat(next.pending()).as("in force at 9, so no longer pending there").isEmpty();
            assertThat(api.validators(8).pending()).isPresent();
        }
    }

    @Test
    void theValidatorsCommandPrintsTheSetsOverRealHttp() throws Exception {
        try (Ledger l = ledgerWithAnApprovedJoiner();
             RpcServer server = new RpcServer(RpcConfig.of("127.0.0.1", 0), GovernedChain.adapter(l))) {
            server.start();
            String url = server.uri().toString();
            InProcessCli.Run json = InProcessCli.run("validators", "--rpc", url, "--json");
            assertThat(json.exitCode()).as(json.err()).isZero();
            JsonNode v = Printer.JSON.readTree(json.out());
            assertThat(v.path("height").asLong()).isEqualTo(5);
            assertThat(v.path("quorum").asInt()).isEqualTo(3);
            assertThat(v.path("maxFaulty").asInt()).isEqualTo(1);
            assertThat(v.path("validators")).hasSize(4);
            assertThat(v.path("pending").path("fromHeight").asLong()).isEqualTo(9);
            assertThat(v.path("pending").path("validators").get(4).path("address").asText()).isEqualTo(joiner.address().toString());

            InProcessCli.Run text = InProcessCli.run("validators", "--rpc", url, "--height", "3");
            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out()).contains("height 3: 4 validators since block 0 (quorum 3, tolerates 1 faulty)")
                    .contains("approved next set, from height 9:").contains("joiner");

            InProcessCli.Run bad = InProcessCli.run("validators", "--rpc", url, "--height", "99");
            assertThat(bad.exitCode()).isEqualTo(1);
            assertThat(bad.err()).contains("mc_getValidators failed").contains("outside 1..5");
        }
    }
}
