package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.rpc.RpcClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real node with SIGKILL, repeatedly, while a client keeps sending transfers, at moments
 * drawn from a fixed seed (so commits are cut at varying points). After every restart: the node
 * opens, its height never went backwards, every block it had reported is unchanged, every
 * transaction that had a receipt still has it in the same block, and the fixed supply still adds up.
 */
class CrashUnderLoadIT {
    private static final long SEED = 20261124L;
    private static final int KILLS = 5;
    /** Kill moments are drawn between these many milliseconds of load. */
    private static final int KILL_AFTER_MIN_MS = 300;
    private static final int KILL_AFTER_SPAN_MS = 1_500;

    @TempDir
    Path tmp;

    @Test
    void aNodeKilledAtRandomMomentsUnderLoadRestartsWithExactlyItsCommittedState() throws Exception {
        Path data = tmp.resolve("dev");
        int port = NodeProcess.freePort();
        Random random = new Random(SEED);
        Map<Hash32, String> receipted = new ConcurrentHashMap<>();
        Map<Long, String> blockHashes = new ConcurrentHashMap<>();
        long lastHeight = 0;
        for (int round = 0; round <= KILLS; round++) {
            try (NodeProcess node = NodeProcess.startDev(data, port, tmp.resolve("logs"))) {
                RpcClient rpc = node.client();
                long height = rpc.blockNumber();
                assertThat(height).as("height after restart " + round).isGreaterThanOrEqualTo(lastHeight);
                for (Map.Entry<Long, String> b : blockHashes.entrySet()) {
                    assertThat(rpc.call("mc_getBlockByNumber", b.getKey()).path("hash").asText())
                            .as("block " + b.getKey() + " after restart " + round).isEqualTo(b.getValue());
                }
                for (Map.Entry<Hash32, String> r : receipted.entrySet()) {
                    JsonNode receipt = rpc.receipt(r.getKey()).orElseThrow(() -> new AssertionError("receipt of " + r.getKey() + " lost"));
                    assertThat(receipt.path("blockHash").asText()).isEqualTo(r.getValue());
                }
                assertThat(rpc.call("mc_getSupply").path("totalUnits").asLong()).isEqualTo(Mtn.TOTAL_SUPPLY);
                if (round == KILLS) {
                    break;
                }
                KeyPair dev = KeyFile.read(data.resolve("developer.key.json"));
                AtomicBoolean loading = new AtomicBoolean(true);
                Thread load = new Thread(() -> sendUntilStopped(rpc, dev, loading, receipted, blockHashes), "load");
                load.start();
                Thread.sleep(KILL_AFTER_MIN_MS + random.nextInt(KILL_AFTER_SPAN_MS));
                node.kill();
                loading.set(false);
                load.join(30_000);
                lastHeight = blockHashes.keySet().stream().mapToLong(Long::longValue).max().orElse(lastHeight);
            }
        }
        assertThat(receipted).as("transactions committed across the kills").isNotEmpty();
    }

    /** Sends transfers and records the receipts the node reported before it died; stops on the first transport error. */
    private static void sendUntilStopped(RpcClient rpc, KeyPair dev, AtomicBoolean loading, Map<Hash32, String> receipted,
                                         Map<Long, String> blockHashes) {
        try {
            String chain = rpc.chainId();
            long nonce = rpc.account(dev.address()).nonce();
            while (loading.get()) {
                List<Transaction> batch = new java.util.ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Transaction tx = Transaction.sign(chain, dev, nonce++, Mtn.parse("0.01"), new Transfer(KeyPair.generate().address(), 1));
                    rpc.sendRawTransaction(tx.encode());
                    batch.add(tx);
                }
                for (Transaction tx : batch) {
                    JsonNode r = rpc.waitForReceipt(tx.id(), java.time.Duration.ofSeconds(20));
                    receipted.put(tx.id(), r.path("blockHash").asText());
                    blockHashes.put(r.path("height").asLong(), r.path("blockHash").asText());
                }
            }
        } catch (Exception e) {
            // The node was killed mid-call: what it had confirmed before is what must survive.
        }
    }
}
