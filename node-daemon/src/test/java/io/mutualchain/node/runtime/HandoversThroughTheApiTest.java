package io.mutualchain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.ValidatorVote;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.ledger.StoredBlock;
import io.mutualchain.rpc.HandoverView;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcConfig;
import io.mutualchain.rpc.RpcServer;
import io.mutualchain.rpc.methods.NodeMethods;
import io.mutualchain.rpc.proof.ValidatorSetChain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validator hand-overs from a real ledger (four validators, K = 4) to a wallet over real HTTP: a
 * joiner approved at 4 (epoch 8), then node3 removed at 13 (epoch 16). The SDK reads
 * mc_getValidatorHandovers and ValidatorSetChain, starting from the genesis set alone, accepts both
 * and gives the set that certifies later blocks.
 */
class HandoversThroughTheApiTest {
    @TempDir
    Path dir;
    private final GovernedChain chain = new GovernedChain("mc-handovers-api", 0x78);
    private final List<KeyPair> validators = chain.validators;
    private final Genesis genesis = chain.genesis;

    /** Height 1 funds the validators; 2 to 4 add the joiner (epoch 8); 10 to 13 remove node3 (epoch 16); the tip is then at 15. */
    private Ledger ledgerWithTwoChanges() throws LedgerException {
        Ledger l = chain.openFunded(dir.resolve("data"));
        ValidatorVote add = ValidatorVote.add(chain.joiner.publicKey(), "joiner", 0);
        for (int i = 0; i < 3; i++) {
            chain.vote(l, validators.get(i), add);
        }
        chain.commitUpTo(l, 9);
        ValidatorVote remove = ValidatorVote.remove(validators.get(3).publicKey(), 0);
        for (int i = 0; i < 4; i++) {
            chain.vote(l, validators.get(i), remove);
        }
        assertThat(l.pendingEpoch().orElseThrow().base()).isEqualTo(16);
        chain.commitUpTo(l, 15);
        return l;
    }

    @Test
    void theAdapterServesAHandoverOnceItsBlockIsCommittedAndPagesFromABase() throws Exception {
        try (Ledger l = ledgerWithTwoChanges()) {
            NodeApiAdapter api = GovernedChain.adapter(l);
            assertThat(l.handover(16)).as("block 15 is committed, so the record exists").isPresent();
            assertThat(api.validatorHandovers(1, 64)).as("but block 16 is not").extracting(HandoverView::base).containsExactly(8L);
            chain.commit(l, List.of());
            assertThat(api.validatorHandovers(1, 64)).extracting(HandoverView::base).containsExactly(8L, 16L);
            assertThat(api.validatorHandovers(9, 64)).extracting(HandoverView::base).containsExactly(16L);
            assertThat(api.validatorHandovers(1, 1)).extracting(HandoverView::base).containsExactly(8L);
            HandoverView h = api.validatorHandovers(16, 64).get(0);
            assertThat(h.header().stateRoot()).isEqualTo(h.proof().stateRoot());
            assertThat(h.validators().validators()).extracting(Validator::name).containsExactly("node0", "node1", "node2", "joiner");
        }
    }

    @Test
    void aWalletTrustingOnlyGenesisAcceptsTheHandoversOverRealHttpAndChecksALaterCertificate() throws Exception {
        try (Ledger l = ledgerWithTwoChanges();
             RpcServer server = new RpcServer(RpcConfig.of("127.0.0.1", 0), GovernedChain.adapter(l))) {
            chain.commitUpTo(l, 17);
            server.start();
            RpcClient client = new RpcClient(server.uri());
            JsonNode raw = client.call(NodeMethods.GET_VALIDATOR_HANDOVERS);
            assertThat(raw).hasSize(2);
            assertThat(raw.get(0).path("proof").path("kind").asText()).isEqualTo("validators");
            assertThat(raw.get(1).path("header").path("height").asLong()).isEqualTo(16);

            List<HandoverView> hs = client.validatorHandovers(1);
            ValidatorSetChain.Result r = ValidatorSetChain.verify(genesis.chainId(), genesis.validatorSet(), hs);
            assertThat(r.ok()).as(r.message()).isTrue();
            assertThat(r.epochs()).extracting(ValidatorSetChain.TrustedEpoch::base).containsExactly(0L, 8L, 16L);
            assertThat(r.setAt(9)).isEqualTo(l.epochAt(9).validators());
            ValidatorSet at17 = r.setAt(17);
            assertThat(at17).isEqualTo(l.epochAt(17).validators());
            StoredBlock b17 = l.blockByHeight(17).orElseThrow();
            assertThat(b17.certificate().verify(genesis.chainId(), at17.keys(), at17.quorum(), b17.block().hash(), 17).isOk()).isTrue();

            ValidatorSetChain.Result skipped = ValidatorSetChain.verify(genesis.chainId(), genesis.validatorSet(), hs.subList(1, 2));
            assertThat(skipped.ok()).isFalse();
            assertThat(skipped.epochs()).hasSize(1);
        }
    }
}
