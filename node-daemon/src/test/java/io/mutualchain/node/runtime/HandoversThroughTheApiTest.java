package io.mutualchain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.block.CommitVote;
import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.Allocation;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.tx.ValidatorVote;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.ledger.StoredBlock;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.node.mempool.MempoolLimits;
import io.mutualchain.rpc.HandoverView;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcConfig;
import io.mutualchain.rpc.RpcServer;
import io.mutualchain.rpc.methods.NodeMethods;
import io.mutualchain.rpc.proof.ValidatorSetChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validator hand-overs from a real ledger (four validators, K = 4) to a wallet over real HTTP: a
 * joiner approved at 4 (epoch 8), then node3 removed at 13 (epoch 16). The SDK reads
 * mc_getValidatorHandovers and ValidatorSetChain, starting from the genesis set alone, accepts both
 * and gives the set that certifies later blocks.
 */
class HandoversThroughTheApiTest {
    private static final int K = 4;
    private static final long FEE = ChainParams.DEFAULT.baseFee();
    @TempDir
    Path dir;
    private final List<KeyPair> validators = new ArrayList<>();
    private final Map<PublicKey, KeyPair> keys = new HashMap<>();
    private final KeyPair reserve = key(50);
    private final KeyPair joiner = key(60);
    private final Genesis genesis;

    HandoversThroughTheApiTest() {
        List<Validator> vs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            KeyPair k = key(i + 1);
            validators.add(k);
            vs.add(new Validator("node" + i, k.publicKey()));
            keys.put(k.publicKey(), k);
        }
        keys.put(joiner.publicKey(), joiner);
        genesis = new Genesis("mc-handovers-api", 1_700_000_000_000L, vs, List.of(new Allocation(reserve.address(), Mtn.TOTAL_SUPPLY)),
                new ChainParams(FEE, 64 * 1024, 5_000, 8 * 1024 * 1024, K, 2 * K));
    }

    private static KeyPair key(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[1] = 0x78;
        return KeyPair.fromSeed(seed);
    }

    /** Commits the next block, proposed and certified by the first quorum of the set in force at its height. */
    private void commit(Ledger l, List<Transaction> txs) throws LedgerException {
        ValidatorSet set = l.epochAt(l.height() + 1).validators();
        BlockHeader h = new BlockHeader(genesis.chainId(), l.height() + 1, l.lastBlockHash(), l.lastBlockTimeMs() + 1000, Block.txRoot(txs),
                l.stateRoot(), txs.size(), set.get(0).publicKey(), 0);
        Block b = new Block(h, txs);
        byte[] msg = CommitVote.signingBytes(genesis.chainId(), 0, b.height(), b.hash());
        List<ValidatorSignature> sigs = new ArrayList<>();
        for (int i = 0; i < set.quorum(); i++) {
            KeyPair k = keys.get(set.get(i).publicKey());
            sigs.add(new ValidatorSignature(k.publicKey(), k.sign(msg)));
        }
        l.commit(b, new CommitCertificate(0, b.height(), b.hash(), sigs));
    }

    private void vote(Ledger l, KeyPair from, ValidatorVote v) throws LedgerException {
        commit(l, List.of(Transaction.sign(genesis.chainId(), from, l.account(from.address()).nonce(), FEE, v)));
    }

    private void commitUpTo(Ledger l, long height) throws LedgerException {
        while (l.height() < height) {
            commit(l, List.of());
        }
    }

    /** Height 1 funds the validators; 2 to 4 add the joiner (epoch 8); 10 to 13 remove node3 (epoch 16); the tip is then at 15. */
    private Ledger ledgerWithTwoChanges() throws LedgerException {
        Ledger l = Ledger.open(dir.resolve("data"), genesis);
        List<Transaction> fund = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fund.add(Transaction.sign(genesis.chainId(), reserve, i, FEE, new Transfer(validators.get(i).address(), Mtn.UNIT)));
        }
        commit(l, fund);
        ValidatorVote add = ValidatorVote.add(joiner.publicKey(), "joiner", 0);
        for (int i = 0; i < 3; i++) {
            vote(l, validators.get(i), add);
        }
        commitUpTo(l, 9);
        ValidatorVote remove = ValidatorVote.remove(validators.get(3).publicKey(), 0);
        for (int i = 0; i < 4; i++) {
            vote(l, validators.get(i), remove);
        }
        assertThat(l.pendingEpoch().orElseThrow().base()).isEqualTo(16);
        commitUpTo(l, 15);
        return l;
    }

    private NodeApiAdapter adapter(Ledger l) {
        return new NodeApiAdapter("n0", l, new Mempool(MempoolLimits.DEFAULT, FEE), () -> 0, () -> false, t -> { });
    }

    @Test
    void theAdapterServesAHandoverOnceItsBlockIsCommittedAndPagesFromABase() throws Exception {
        try (Ledger l = ledgerWithTwoChanges()) {
            NodeApiAdapter api = adapter(l);
            assertThat(l.handover(16)).as("block 15 is committed, so the record exists").isPresent();
            assertThat(api.validatorHandovers(1, 64)).as("but block 16 is not").extracting(HandoverView::base).containsExactly(8L);
            commit(l, List.of());
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
             RpcServer server = new RpcServer(RpcConfig.of("127.0.0.1", 0), adapter(l))) {
            commitUpTo(l, 17);
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
            assertThat(b17.certificate().verify(genesis.chainId(), at17.keys(), at17.quorum(), b17.block().hash(), 17)).isEmpty();

            ValidatorSetChain.Result skipped = ValidatorSetChain.verify(genesis.chainId(), genesis.validatorSet(), hs.subList(1, 2));
            assertThat(skipped.ok()).isFalse();
            assertThat(skipped.epochs()).hasSize(1);
        }
    }
}
