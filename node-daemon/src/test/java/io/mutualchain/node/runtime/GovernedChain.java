package io.mutualchain.node.runtime;

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
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.node.mempool.MempoolLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chain for tests of what the node serves about validator changes: four validators with known
 * keys, a reserve holding the supply, a joiner, checkpoint interval {@link #K}, and a real ledger
 * driven block by block (each block proposed and certified by the set in force at its height).
 */
final class GovernedChain {
    static final int K = 4;
    static final long FEE = ChainParams.DEFAULT.baseFee();

    final List<KeyPair> validators = new ArrayList<>();
    final KeyPair reserve;
    final KeyPair joiner;
    final Genesis genesis;
    private final Map<PublicKey, KeyPair> keys = new HashMap<>();

    /** @param seedTag distinguishes the keys of one test class from another's */
    GovernedChain(String chainId, int seedTag) {
        reserve = key(50, seedTag);
        joiner = key(60, seedTag);
        List<Validator> vs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            KeyPair k = key(i + 1, seedTag);
            validators.add(k);
            vs.add(new Validator("node" + i, k.publicKey()));
            keys.put(k.publicKey(), k);
        }
        keys.put(joiner.publicKey(), joiner);
        genesis = new Genesis(chainId, 1_700_000_000_000L, vs, List.of(new Allocation(reserve.address(), Mtn.TOTAL_SUPPLY)),
                new ChainParams(FEE, 64 * 1024, 5_000, 8 * 1024 * 1024, K, 2 * K));
    }

    private static KeyPair key(int n, int seedTag) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[1] = (byte) seedTag;
        return KeyPair.fromSeed(seed);
    }

    /** Opens the ledger in {@code dir} and funds the four validators (block 1) so their votes can pay the fee. */
    Ledger openFunded(Path dir) throws LedgerException {
        Ledger l = Ledger.open(dir, genesis);
        List<Transaction> fund = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fund.add(Transaction.sign(genesis.chainId(), reserve, i, FEE, new Transfer(validators.get(i).address(), Mtn.UNIT)));
        }
        commit(l, fund);
        return l;
    }

    /** Commits the next block, proposed and certified by the first quorum of the set in force at its height. */
    List<Receipt> commit(Ledger l, List<Transaction> txs) throws LedgerException {
        ValidatorSet set = l.epochAt(l.height() + 1).validators();
        BlockHeader h = new BlockHeader(genesis.chainId(), l.height() + 1, l.lastBlockHash(), l.lastBlockTimeMs() + 1000, Block.txRoot(txs),
                l.stateRoot(), l.receiptsRoot(), txs.size(), set.get(0).publicKey(), 0);
        Block b = new Block(h, txs);
        byte[] msg = CommitVote.signingBytes(genesis.chainId(), 0, b.height(), b.hash());
        List<ValidatorSignature> sigs = new ArrayList<>();
        for (int i = 0; i < set.quorum(); i++) {
            KeyPair k = keys.get(set.get(i).publicKey());
            sigs.add(new ValidatorSignature(k.publicKey(), k.sign(msg)));
        }
        return l.commit(b, new CommitCertificate(0, b.height(), b.hash(), sigs));
    }

    void commitUpTo(Ledger l, long height) throws LedgerException {
        while (l.height() < height) {
            commit(l, List.of());
        }
    }

    Transaction tx(Ledger l, KeyPair from, TxPayload p) {
        return Transaction.sign(genesis.chainId(), from, l.account(from.address()).nonce(), FEE, p);
    }

    /** One block holding {@code from}'s vote; its receipt. */
    Receipt vote(Ledger l, KeyPair from, ValidatorVote v) throws LedgerException {
        return commit(l, List.of(tx(l, from, v))).get(0);
    }

    static NodeApiAdapter adapter(Ledger l) {
        return adapter(l, io.mutualchain.node.config.CallLimits.DEFAULT);
    }

    static NodeApiAdapter adapter(Ledger l, io.mutualchain.node.config.CallLimits calls) {
        return new NodeApiAdapter("n0", l, new Mempool(MempoolLimits.DEFAULT, FEE), () -> 0, () -> false, t -> { }, new ReadOnlyCalls(calls));
    }
}
