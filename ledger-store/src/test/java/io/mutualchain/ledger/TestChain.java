package io.mutualchain.ledger;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.block.CommitVote;
import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.Allocation;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.util.ArrayList;
import java.util.List;

/**
 * A small chain for tests: four validators (quorum 3), a handful of funded user keys, and helpers that
 * build blocks on top of a ledger's tip and certify them the way consensus would.
 */
final class TestChain {
    static final String CHAIN_ID = "mc-test";
    static final long GENESIS_TIME_MS = 1_700_000_000_000L;
    static final long BASE_FEE = ChainParams.DEFAULT.baseFee();
    static final int VALIDATORS = 4;
    static final int USERS = 5;
    /** Each user starts with this much; the rest of the supply goes to the reserve. */
    static final long USER_FUNDS = 1_000 * Mtn.UNIT;

    final List<KeyPair> validatorKeys = new ArrayList<>();
    final List<KeyPair> users = new ArrayList<>();
    final KeyPair reserve = key(200);
    final Genesis genesis;

    TestChain() {
        this(CHAIN_ID);
    }

    TestChain(String chainId) {
        this(chainId, ChainParams.DEFAULT);
    }

    TestChain(String chainId, ChainParams params) {
        List<Validator> validators = new ArrayList<>();
        for (int i = 0; i < VALIDATORS; i++) {
            KeyPair k = key(i + 1);
            validatorKeys.add(k);
            validators.add(new Validator("node" + i, k.publicKey()));
        }
        List<Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            KeyPair u = key(100 + i);
            users.add(u);
            allocations.add(new Allocation(u.address(), USER_FUNDS));
        }
        allocations.add(new Allocation(reserve.address(), Mtn.TOTAL_SUPPLY - USERS * USER_FUNDS));
        genesis = new Genesis(chainId, GENESIS_TIME_MS, validators, allocations, params);
    }

    static KeyPair key(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[31] = (byte) (n >>> 8);
        seed[1] = 0x5a;
        return KeyPair.fromSeed(seed);
    }

    KeyPair proposer() {
        return validatorKeys.get(0);
    }

    Address proposerAddress() {
        return proposer().address();
    }

    Transaction transfer(KeyPair from, long nonce, Address to, long amount) {
        return Transaction.sign(genesis.chainId(), from, nonce, BASE_FEE, new Transfer(to, amount));
    }

    /** A block that extends the ledger's tip correctly. */
    Block nextBlock(Ledger ledger, List<Transaction> txs) {
        return nextBlock(ledger, txs, proposer());
    }

    Block nextBlock(Ledger ledger, List<Transaction> txs, KeyPair proposer) {
        BlockHeader h = new BlockHeader(genesis.chainId(), ledger.height() + 1, ledger.lastBlockHash(), ledger.lastBlockTimeMs() + 1000,
                Block.txRoot(txs), ledger.stateRoot(), ledger.receiptsRoot(), txs.size(), proposer.publicKey(), 0);
        return new Block(h, txs);
    }

    /** A certificate signed by a quorum (the first three validators). */
    CommitCertificate certify(Block block) {
        return certify(block, validatorKeys.subList(0, genesis.validatorSet().quorum()));
    }

    /** A certificate signed by exactly {@code signers}. */
    CommitCertificate certify(Block block, List<KeyPair> signers) {
        byte[] msg = CommitVote.signingBytes(genesis.chainId(), block.header().view(), block.height(), block.hash());
        List<ValidatorSignature> sigs = new ArrayList<>();
        for (KeyPair k : signers) {
            sigs.add(new ValidatorSignature(k.publicKey(), k.sign(msg)));
        }
        return new CommitCertificate(block.header().view(), block.height(), block.hash(), sigs);
    }

    /** Builds, validates nothing, certifies and commits the next block with {@code txs}. */
    List<Receipt> commit(Ledger ledger, List<Transaction> txs) throws LedgerException {
        Block b = nextBlock(ledger, txs);
        return ledger.commit(b, certify(b));
    }
}
