package io.mutualchain.ledger;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.tx.ContractCall;
import io.mutualchain.core.tx.ContractDeploy;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.ledger.exec.ContractRules;
import io.mutualchain.vm.Value;
import io.mutualchain.vm.Values;
import io.mutualchain.vm.asm.Assembler;
import io.mutualchain.vm.asm.IncludeResolver;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A by-hand measurement, not a test: the worst-case execution time of one block filled to a gas
 * budget with calls to an infinite loop ({@code spin} in counter.masm, each call running until it is
 * out of gas), on a real RocksDB ledger. Prints, per block, the time of proposal validation (one
 * execution) and of commit (which reuses that execution: state tree and synced write), and the
 * nanoseconds per gas.
 * Run with the test classpath (see docs/ledger.md "Block gas limit"):
 * {@code java -cp <test classpath> io.mutualchain.ledger.BlockGasBenchmarkMain [blockGas] [blocks] [gasPerCall]}.
 */
public final class BlockGasBenchmarkMain {
    private BlockGasBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        long blockGas = args.length > 0 ? Long.parseLong(args[0]) : ChainParams.DEFAULT_BLOCK_GAS_LIMIT;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long perCall = args.length > 2 ? Long.parseLong(args[2]) : ContractDeploy.GAS_LIMIT_MAX;
        TestChain chain = new TestChain("mc-gas-bench", ChainParams.DEFAULT.withBlockGasLimit(blockGas));
        byte[] code;
        try (InputStream in = BlockGasBenchmarkMain.class.getResourceAsStream("/contracts/counter.masm")) {
            code = Assembler.assemble(new String(in.readAllBytes(), StandardCharsets.UTF_8), "counter.masm", IncludeResolver.none());
        }
        Path dir = Files.createTempDirectory("gas-bench");
        System.out.printf("block gas=%d, gas per call=%d, blocks=%d, dir=%s%n", blockGas, perCall, blocks, dir);
        long[] validateMs = new long[blocks];
        long[] commitMs = new long[blocks];
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            KeyPair deployer = chain.users.get(0);
            Address contract = ContractRules.contractAddress(deployer.address(), 0);
            chain.commit(ledger, List.of(sign(chain, deployer, 0,
                    new ContractDeploy(code, Values.encode(List.of(Value.of(0))), 0, Math.min(1_000_000, blockGas)))));
            for (int b = 0; b < blocks; b++) {
                List<Transaction> txs = new ArrayList<>();
                long left = blockGas;
                int n = 0;
                while (left >= perCall) {
                    KeyPair k = chain.users.get(n % chain.users.size());
                    long nonce = ledger.account(k.address()).nonce() + n / chain.users.size();
                    txs.add(sign(chain, k, nonce, new ContractCall(contract, "spin", Values.encode(List.of()), 0, perCall)));
                    left -= perCall;
                    n++;
                }
                Block block = chain.nextBlock(ledger, txs);
                long t0 = System.nanoTime();
                Validation bad = ledger.validateProposal(block);
                long t1 = System.nanoTime();
                if (!bad.isOk()) {
                    throw new IllegalStateException("the benchmark block is refused: " + bad.message());
                }
                List<Receipt> receipts = ledger.commit(block, chain.certify(block));
                long t2 = System.nanoTime();
                if (receipts.stream().anyMatch(r -> r.contract() == null || r.contract().status() != ContractReceipt.Status.OUT_OF_GAS)) {
                    throw new IllegalStateException("every call must run out of gas");
                }
                validateMs[b] = (t1 - t0) / 1_000_000;
                commitMs[b] = (t2 - t1) / 1_000_000;
                System.out.printf("block %d: %d calls, validate %d ms (%.2f ns/gas), commit %d ms%n", block.height(), txs.size(),
                        validateMs[b], (t1 - t0) / (double) (blockGas - left), commitMs[b]);
            }
        }
        long[] v = validateMs.clone();
        Arrays.sort(v);
        long[] c = commitMs.clone();
        Arrays.sort(c);
        System.out.printf("validate: median %d ms, max %d ms; commit: median %d ms, max %d ms%n", v[v.length / 2], v[v.length - 1],
                c[c.length / 2], c[c.length - 1]);
    }

    private static Transaction sign(TestChain chain, KeyPair k, long nonce, io.mutualchain.core.tx.TxPayload p) {
        return Transaction.sign(chain.genesis.chainId(), k, nonce, TestChain.BASE_FEE, p);
    }
}
