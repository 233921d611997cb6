package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.tx.ContractCall;
import io.mutualchain.core.tx.ContractDeploy;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.ledger.exec.ContractRules;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcException;
import io.mutualchain.vm.Values;
import io.mutualchain.vm.asm.Assembler;
import io.mutualchain.vm.asm.IncludeResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduction from issue 10, on four real validators: an infinite-loop contract is deployed and
 * flooded with calls at the largest gas limit from a few accounts, through every node, while honest
 * transfers are sent. Before the block gas limit one block carried hundreds of such calls and the
 * chain sat at one height through six view changes. Now the primary fills each block only up to the
 * limit, the pool bounds each flooder's pending gas, every honest transfer commits, and no node
 * changes view.
 */
class ContractFloodIT {
    private static final Duration STEP = Duration.ofSeconds(60);
    /** Four JVMs starting at once on a small shared machine. */
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final List<Integer> VALIDATORS = List.of(0, 1, 2, 3);
    private static final int FLOODERS = 3;
    /** Rounds of honest transfers, one per validator's node each round. */
    private static final int HONEST_ROUNDS = 3;
    /** Flood calls the test wants committed before it looks at the views: enough blocks full of loops. */
    private static final int FLOOD_COMMITS_MIN = 10;
    private static final String SPIN = """
            .func spin() export
            top:
                jump top
            .end
            """;

    @TempDir
    Path tmp;

    @Test
    void aFloodOfInfiniteLoopCallsNeitherStallsTheChainNorForcesAViewChange() throws Exception {
        // The testnet's default empty-block interval (2 s), so the first view-change timeout is the product's (6 s).
        try (Cluster c = Cluster.create(tmp.resolve("net"), 4, 0, "--empty-block-interval-ms", "2000")) {
            try {
                floodWhileSendingTransfers(c);
            } catch (AssertionError | RuntimeException e) {
                c.saveLogs(Path.of("target", "contract-flood-logs"));
                throw e;
            }
        }
    }

    private void floodWhileSendingTransfers(Cluster c) throws Exception {
        KeyPair faucet = KeyFile.read(c.faucetKey());
        c.startAll();
        c.awaitHeight(VALIDATORS, 2, STARTUP);
        RpcClient rpc = c.rpc(0);
        String chain = rpc.chainId();
        long fee = Mtn.parse("0.01");
        long nonce = rpc.account(faucet.address()).nonce();

        byte[] code = Assembler.assemble(SPIN, "spin.masm", IncludeResolver.none());
        Address spin = ContractRules.contractAddress(faucet.address(), nonce);
        List<Transaction> setup = new ArrayList<>();
        setup.add(Transaction.sign(chain, faucet, nonce++, fee, new ContractDeploy(code, Values.encode(List.of()), 0, 1_000_000)));
        List<KeyPair> flooders = new ArrayList<>();
        for (int i = 0; i < FLOODERS; i++) {
            KeyPair k = KeyPair.generate();
            flooders.add(k);
            setup.add(Transaction.sign(chain, faucet, nonce++, fee, new Transfer(k.address(), 1_000 * Mtn.UNIT)));
        }
        List<KeyPair> honest = new ArrayList<>();
        for (int i : VALIDATORS) {
            KeyPair k = KeyPair.generate();
            honest.add(k);
            setup.add(Transaction.sign(chain, faucet, nonce++, fee, new Transfer(k.address(), 100 * Mtn.UNIT)));
        }
        for (Transaction tx : setup) {
            rpc.sendRawTransaction(tx.encode());
        }
        for (Transaction tx : setup) {
            JsonNode r = rpc.waitForReceipt(tx.id(), STEP);
            assertThat(r.path("success").asBoolean()).as(r.toString()).isTrue();
        }

        long blockGas = ChainParams.DEFAULT_BLOCK_GAS_LIMIT;

        long[] viewsBefore = new long[VALIDATORS.size()];
        for (int i : VALIDATORS) {
            viewsBefore[i] = c.status(i).path("view").asLong();
        }
        long heightBefore = c.height(0);

        AtomicBoolean flooding = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Hash32> floodSent = new ConcurrentLinkedQueue<>();
        AtomicInteger senderLimitRefusals = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int f = 0; f < FLOODERS; f++) {
            KeyPair k = flooders.get(f);
            RpcClient via = c.rpc(f % VALIDATORS.size());
            Thread t = new Thread(() -> flood(via, chain, k, spin, fee, flooding, floodSent, senderLimitRefusals), "flood-" + f);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        try {
            // Honest transfers while the flood runs: each honest account through its own node, a round every second and a half.
            List<Transaction> transfers = new ArrayList<>();
            for (int round = 0; round < HONEST_ROUNDS; round++) {
                for (int i : VALIDATORS) {
                    Transaction tx = Transaction.sign(chain, honest.get(i), round, fee, new Transfer(KeyPair.generate().address(), Mtn.UNIT));
                    c.rpc(i).sendRawTransaction(tx.encode());
                    transfers.add(tx);
                }
                Thread.sleep(1_500);
            }
            for (Transaction tx : transfers) {
                JsonNode r = rpc.waitForReceipt(tx.id(), STEP);
                assertThat(r.path("success").asBoolean()).as("honest transfer " + tx.id() + ": " + r).isTrue();
            }
            c.await(FLOOD_COMMITS_MIN + " flood calls committed", STEP, () -> committed(rpc, floodSent) >= FLOOD_COMMITS_MIN);
        } finally {
            flooding.set(false);
            for (Thread t : threads) {
                t.join(10_000);
            }
        }

        long heightAfter = c.height(0);
        long gapMaxMs = 0;
        long previousMs = rpc.block(heightBefore).orElseThrow().path("timestampMs").asLong();
        for (long h = heightBefore + 1; h <= heightAfter; h++) {
            long t = rpc.block(h).orElseThrow().path("timestampMs").asLong();
            gapMaxMs = Math.max(gapMaxMs, t - previousMs);
            previousMs = t;
        }
        System.out.printf("flood: %d calls admitted, %d committed, %d refused as SENDER_LIMIT; heights %d..%d, longest gap between"
                        + " blocks %d ms%n", floodSent.size(), committed(rpc, floodSent), senderLimitRefusals.get(), heightBefore, heightAfter,
                gapMaxMs);
        assertThat(senderLimitRefusals.get()).as("each flooder ran into its pending-gas share").isPositive();
        for (long h = heightBefore + 1; h <= heightAfter; h++) {
            JsonNode b = rpc.block(h, true).orElseThrow();
            long gas = 0;
            for (JsonNode tx : b.path("transactions")) {
                gas += tx.path("gasLimit").asLong(0);
            }
            assertThat(gas).as("declared gas of block " + h).isLessThanOrEqualTo(blockGas);
        }
        for (int i : VALIDATORS) {
            assertThat(c.status(i).path("view").asLong()).as("view of node " + i + " after the flood").isEqualTo(viewsBefore[i]);
        }
        c.awaitHeight(VALIDATORS, heightAfter, STEP);
        c.assertAgreement(VALIDATORS);
        assertThat(c.metrics(1)).as("followers reuse the execution of the proposals they validated")
                .containsPattern("mc_blocks_executed_once_total [1-9]");
    }

    /** Sends calls at the largest gas limit as fast as the node admits them; a SENDER_LIMIT refusal means wait for a block. */
    private static void flood(RpcClient via, String chain, KeyPair k, Address spin, long fee, AtomicBoolean flooding,
                              ConcurrentLinkedQueue<Hash32> sent, AtomicInteger senderLimitRefusals) {
        long nonce = 0;
        while (flooding.get()) {
            Transaction tx = Transaction.sign(chain, k, nonce, fee,
                    new ContractCall(spin, "spin", Values.encode(List.of()), 0, ContractDeploy.GAS_LIMIT_MAX));
            try {
                via.sendRawTransaction(tx.encode());
                sent.add(tx.id());
                nonce++;
            } catch (RpcException e) {
                if (e.rejectionReason().equals(Optional.of(TxRejection.Reason.SENDER_LIMIT))) {
                    senderLimitRefusals.incrementAndGet();
                }
                pause(200);
            } catch (java.io.IOException e) {
                pause(200);
            }
        }
    }

    private static long committed(RpcClient rpc, ConcurrentLinkedQueue<Hash32> sent) {
        long n = 0;
        for (Hash32 id : sent) {
            try {
                n += rpc.receipt(id).isPresent() ? 1 : 0;
            } catch (Exception e) {
                return n;
            }
        }
        return n;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
