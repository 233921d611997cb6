package io.mutualchain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.DefaultGenesis;
import io.mutualchain.core.genesis.GenesisFile;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.config.PeerEntry;
import io.mutualchain.node.mempool.MempoolLimits;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

/**
 * A validator and an observer, real nodes linked over loopback. When the observer's disk refuses
 * the write of a synced block, the observer halts; it does not blame (ban) the validator that sent
 * a perfectly good block, and a restart follows the chain again.
 */
class ObserverHaltsOnLocalFaultTest {
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aWriteThatFailsOnAnObserverHaltsItWithoutBanningThePeerThatSentTheBlock() throws Exception {
        KeyPair v = KeyPair.generate();
        KeyPair o = KeyPair.generate();
        KeyPair holder = KeyPair.generate();
        Path genesis = dir.resolve("genesis.json");
        GenesisFile.write(genesis, DefaultGenesis.builder("observer-halt", 1_700_000_000_000L, List.of(new Validator("v", v.publicKey())))
                .holders(holder.address(), KeyPair.generate().address(), KeyPair.generate().address(), KeyPair.generate().address())
                .committee(1, List.of(holder.publicKey())).build());
        KeyFile.write(dir.resolve("v.key.json"), v);
        KeyFile.write(dir.resolve("o.key.json"), o);
        int pv = freePort();
        int po = freePort();
        NodeConfig vc = new NodeConfig("v", dir.resolve("v"), genesis, dir.resolve("v.key.json"), NodeConfig.DEFAULT_RPC_HOST, 0,
                NodeConfig.DEFAULT_TICK_MS, 100, MempoolLimits.DEFAULT, "127.0.0.1", pv,
                List.of(new PeerEntry("o", o.publicKey(), "127.0.0.1", po)), 0);
        NodeConfig oc = new NodeConfig("o", dir.resolve("o"), genesis, dir.resolve("o.key.json"), NodeConfig.DEFAULT_RPC_HOST, 0,
                NodeConfig.DEFAULT_TICK_MS, 100, MempoolLimits.DEFAULT, "127.0.0.1", po,
                List.of(new PeerEntry("v", v.publicKey(), "127.0.0.1", pv)), 0);
        Node validator = new Node(vc);
        Node observer = new Node(oc);
        try {
            validator.start();
            observer.start();
            assertThat(observer.isValidator()).isFalse();
            await("the observer follows", () -> observer.ledger().height() >= 3);
            observer.ledger().injectWriteFaults(() -> {
                throw new RocksDBException("IO error: No space left on device");
            });
            CompletableFuture.runAsync(() -> {
                try {
                    observer.awaitStop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).get(WAIT_SECONDS, TimeUnit.SECONDS);
            NodeHalt halt = observer.halt().orElseThrow();
            assertThat(halt.cause()).isInstanceOf(LedgerException.class).hasMessageContaining("No space left on device");
            assertThat(halt.during()).startsWith("following synced block ");
            assertThat(halt.what()).isEqualTo("database write failed");
            assertThat(observer.p2p().stats().bans()).as("the validator was not blamed for our disk").isZero();
            long stoppedAt = halt.committedHeight();
            observer.close();

            Node again = new Node(oc);
            try {
                again.start();
                await("the restarted observer follows past where it stopped", () -> again.ledger().height() >= stoppedAt + 2);
                assertThat(again.halt()).isEmpty();
            } finally {
                again.close();
            }
        } finally {
            observer.close();
            validator.close();
        }
    }
}
