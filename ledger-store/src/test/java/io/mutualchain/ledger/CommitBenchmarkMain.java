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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A by-hand measurement, not a test: commits {@code blocks} blocks of {@code txs} transfers each to a
 * real RocksDB in a temporary directory and prints where the time goes (validation, execution, state
 * tree, synced write). Run with the test classpath:
 * {@code java -cp <test classpath> io.mutualchain.ledger.CommitBenchmarkMain [txsPerBlock] [blocks]}.
 * The proper home for speed is the daemon's bench command and JMH; this only sizes the ledger's share.
 */
public final class CommitBenchmarkMain {
    private CommitBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        int txsPerBlock = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        KeyPair validator = TestChain.key(1);
        List<KeyPair> senders = new ArrayList<>();
        List<Allocation> allocations = new ArrayList<>();
        long each = 1_000 * Mtn.UNIT;
        for (int i = 0; i < txsPerBlock; i++) {
            byte[] seed = new byte[32];
            seed[0] = 7;
            seed[1] = (byte) i;
            seed[2] = (byte) (i >>> 8);
            KeyPair k = KeyPair.fromSeed(seed);
            senders.add(k);
            allocations.add(new Allocation(k.address(), each));
        }
        allocations.add(new Allocation(TestChain.key(200).address(), Mtn.TOTAL_SUPPLY - each * txsPerBlock));
        Genesis genesis = new Genesis("mc-bench", 1_700_000_000_000L, List.of(new Validator("node0", validator.publicKey())),
                allocations, ChainParams.DEFAULT);
        Random random = new Random(42);
        Path dir = Files.createTempDirectory("ledger-bench");
        System.out.printf("txs/block=%d blocks=%d dir=%s%n", txsPerBlock, blocks, dir);
        long commitNanosTotal = 0;
        long treeNanosTotal = 0;
        try (Ledger ledger = Ledger.open(dir, genesis)) {
            for (int b = 0; b < blocks; b++) {
                List<Transaction> txs = new ArrayList<>(txsPerBlock);
                for (int i = 0; i < txsPerBlock; i++) {
                    // Each block pays mostly fresh addresses, so the tree keeps growing like a real chain's.
                    Address to = TestChain.key(1000 + random.nextInt(1_000_000)).address();
                    txs.add(Transaction.sign(genesis.chainId(), senders.get(i), b, ChainParams.DEFAULT.baseFee(), new Transfer(to, 1 + random.nextInt(1000))));
                }
                BlockHeader h = new BlockHeader(genesis.chainId(), ledger.height() + 1, ledger.lastBlockHash(), ledger.lastBlockTimeMs() + 1000,
                        Block.txRoot(txs), ledger.stateRoot(), ledger.receiptsRoot(), txs.size(), validator.publicKey(), 0);
                Block block = new Block(h, txs);
                byte[] vote = CommitVote.signingBytes(genesis.chainId(), 0, block.height(), block.hash());
                CommitCertificate cert = new CommitCertificate(0, block.height(), block.hash(),
                        List.of(new ValidatorSignature(validator.publicKey(), validator.sign(vote))));
                long v0 = System.nanoTime();
                var bad = ledger.validateProposal(block);
                long v1 = System.nanoTime();
                if (!bad.isOk()) {
                    throw new IllegalStateException(bad.message());
                }
                ledger.commit(block, cert);
                long c1 = System.nanoTime();
                CommitStats s = ledger.lastCommitStats();
                commitNanosTotal += c1 - v1;
                treeNanosTotal += s.stateTreeNanos();
                System.out.printf("block %2d: validate %6.1f ms | commit %6.1f ms = execute %5.1f + tree %6.1f (%d accounts, %d node writes) + write %5.1f | accounts %d%n",
                        block.height(), ms(v1 - v0), ms(c1 - v1), ms(s.executeNanos()), ms(s.stateTreeNanos()), s.accountsChanged(),
                        s.treeNodeWrites(), ms(s.writeNanos()), ledger.totals().accounts());
            }
            long proofBytes = 0;
            int proofs = 200;
            for (int i = 0; i < proofs; i++) {
                proofBytes += ledger.proveAccount(TestChain.key(1000 + random.nextInt(1_000_000)).address()).proof().encode().length;
            }
            System.out.printf("state proof: %.0f bytes on average over %d addresses (%d accounts)%n", (double) proofBytes / proofs, proofs,
                    ledger.totals().accounts());
            double commitsPerSec = blocks / (commitNanosTotal / 1e9);
            double withoutTree = blocks / ((commitNanosTotal - treeNanosTotal) / 1e9);
            System.out.printf("commit only: %.2f blocks/s = %.0f tx/s; without the tree update: %.2f blocks/s = %.0f tx/s; db %.1f MB%n",
                    commitsPerSec, commitsPerSec * txsPerBlock, withoutTree, withoutTree * txsPerBlock, ledger.approximateSizeBytes() / 1e6);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
