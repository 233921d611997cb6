package io.mutualchain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.mutualchain.core.tx.TxPayload;
import io.mutualchain.core.tx.ValidatorVote;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.ledger.Receipt;
import io.mutualchain.node.Main;
import io.mutualchain.node.cli.Printer;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.node.mempool.MempoolLimits;
import io.mutualchain.rpc.RpcConfig;
import io.mutualchain.rpc.RpcServer;
import io.mutualchain.rpc.ValidatorsView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator set as the node serves it: NodeApiAdapter over a real ledger (four validators, K = 4)
 * where a quorum has approved a fifth, then mc_getValidators over HTTP and the {@code validators} command.
 */
class ValidatorsThroughTheApiTest {
    private static final int K = 4;
    private static final long FEE = ChainParams.DEFAULT.baseFee();
    @TempDir
    Path dir;
    private final List<KeyPair> validators = new ArrayList<>();
    private final Map<PublicKey, KeyPair> keys = new HashMap<>();
    private final KeyPair reserve = key(50);
    private final KeyPair joiner = key(60);
    private final Genesis genesis;

    ValidatorsThroughTheApiTest() {
        List<Validator> vs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            KeyPair k = key(i + 1);
            validators.add(k);
            vs.add(new Validator("node" + i, k.publicKey()));
        }
        for (KeyPair k : List.of(validators.get(0), validators.get(1), validators.get(2), validators.get(3), joiner)) {
            keys.put(k.publicKey(), k);
        }
        genesis = new Genesis("mc-validators-api", 1_700_000_000_000L, vs, List.of(new Allocation(reserve.address(), Mtn.TOTAL_SUPPLY)),
                new ChainParams(FEE, 64 * 1024, 5_000, 8 * 1024 * 1024, K, 2 * K));
    }

    private static KeyPair key(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[1] = 0x77;
        return KeyPair.fromSeed(seed);
    }

    /** Commits the next block, proposed and certified by the set in force at its height. */
    private List<Receipt> commit(Ledger l, List<Transaction> txs) throws LedgerException {
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
        return l.commit(b, new CommitCertificate(0, b.height(), b.hash(), sigs));
    }

    private Transaction tx(Ledger l, KeyPair from, TxPayload p) {
        return Transaction.sign(genesis.chainId(), from, l.account(from.address()).nonce(), FEE, p);
    }

    /** Funds the validators (height 1) and has three of four vote for the joiner (heights 2 to 4; approved at 4, in force from 9). */
    private Ledger ledgerWithAnApprovedJoiner() throws LedgerException {
        Ledger l = Ledger.open(dir.resolve("data"), genesis);
        List<Transaction> fund = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fund.add(Transaction.sign(genesis.chainId(), reserve, i, FEE, new Transfer(validators.get(i).address(), Mtn.UNIT)));
        }
        commit(l, fund);
        ValidatorVote add = ValidatorVote.add(joiner.publicKey(), "joiner", 0);
        for (int i = 0; i < 3; i++) {
            assertThat(commit(l, List.of(tx(l, validators.get(i), add))).get(0).succeeded()).isTrue();
        }
        return l;
    }

    private NodeApiAdapter adapter(Ledger l) {
        return new NodeApiAdapter("n0", l, new Mempool(MempoolLimits.DEFAULT, FEE), () -> 0, () -> false, t -> { });
    }

    record Run(int exitCode, String out, String err) {
    }

    private static synchronized Run cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void theAdapterShowsTheSetInForceAndTheApprovedOneUntilItTakesOver() throws Exception {
        try (Ledger l = ledgerWithAnApprovedJoiner()) {
            NodeApiAdapter api = adapter(l);
            ValidatorsView now = api.validators(5);
            assertThat(now.epochBase()).isZero();
            assertThat(now.validators()).isEqualTo(genesis.validatorSet());
            assertThat(now.pending().orElseThrow().fromHeight()).isEqualTo(9);
            assertThat(now.pending().get().validators().size()).isEqualTo(5);
            assertThat(api.validators(2).pending()).isPresent();
            assertThatThrownBy(() -> api.validators(6)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside 1..5");
            assertThatThrownBy(() -> api.validators(0)).isInstanceOf(IllegalArgumentException.class);
            while (l.height() < 8) {
                commit(l, List.of());
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
             RpcServer server = new RpcServer(RpcConfig.of("127.0.0.1", 0), adapter(l))) {
            server.start();
            String url = server.uri().toString();
            Run json = cli("validators", "--rpc", url, "--json");
            assertThat(json.exitCode()).as(json.err()).isZero();
            JsonNode v = Printer.JSON.readTree(json.out());
            assertThat(v.path("height").asLong()).isEqualTo(5);
            assertThat(v.path("quorum").asInt()).isEqualTo(3);
            assertThat(v.path("maxFaulty").asInt()).isEqualTo(1);
            assertThat(v.path("validators")).hasSize(4);
            assertThat(v.path("pending").path("fromHeight").asLong()).isEqualTo(9);
            assertThat(v.path("pending").path("validators").get(4).path("address").asText()).isEqualTo(joiner.address().toString());

            Run text = cli("validators", "--rpc", url, "--height", "3");
            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out()).contains("height 3: 4 validators since block 0 (quorum 3, tolerates 1 faulty)")
                    .contains("approved next set, from height 9:").contains("joiner");

            Run bad = cli("validators", "--rpc", url, "--height", "99");
            assertThat(bad.exitCode()).isEqualTo(1);
            assertThat(bad.err()).contains("mc_getValidators failed").contains("outside 1..5");
        }
    }
}
