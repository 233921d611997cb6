package io.mutualchain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.DefaultGenesis;
import io.mutualchain.core.genesis.GenesisFile;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LocalFault;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.mempool.MempoolLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

/**
 * A real single-validator node (RocksDB, consensus loop) whose store starts failing reads on the
 * consensus thread: the loop halts with a typed fault before committing anything more, the node
 * reports it, and a restart on the same data resumes from the last committed block and goes on.
 */
class HaltOnLocalFaultTest {
    /** Bound on waiting for blocks or the halt; blocks come every {@link #EMPTY_BLOCK_INTERVAL_MS}. */
    private static final long WAIT_SECONDS = 30;
    private static final long EMPTY_BLOCK_INTERVAL_MS = 100;

    @TempDir
    Path dir;

    private NodeConfig config() throws Exception {
        Files.createDirectories(dir);
        KeyPair validator = KeyPair.generate();
        KeyPair holder = KeyPair.generate();
        Path key = dir.resolve("validator.key.json");
        KeyFile.write(key, validator);
        Path genesis = dir.resolve("genesis.json");
        GenesisFile.write(genesis, DefaultGenesis.builder("halt-test", 1_700_000_000_000L, List.of(new Validator("v0", validator.publicKey())))
                .holders(holder.address(), KeyPair.generate().address(), KeyPair.generate().address(), KeyPair.generate().address())
                .committee(1, List.of(holder.publicKey())).build());
        return new NodeConfig("v0", dir.resolve("data"), genesis, key, NodeConfig.DEFAULT_RPC_HOST, 0, NodeConfig.DEFAULT_TICK_MS,
                EMPTY_BLOCK_INTERVAL_MS, MempoolLimits.DEFAULT, NodeConfig.DEFAULT_RPC_HOST, 0, List.of(), 0);
    }

    private static void awaitHeight(Node node, long height) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (node.ledger().height() < height) {
            assertThat(System.nanoTime()).as("height " + height + " reached in time").isLessThan(deadline);
            assertThat(node.halt()).isEmpty();
            Thread.sleep(20);
        }
    }

    @Test
    void aReadThatFailsOnTheConsensusThreadHaltsTheNodeWithNothingMoreCommittedAndARestartGoesOn() throws Exception {
        NodeConfig config = config();
        long committedAtHalt;
        Node node = new Node(config);
        try {
            node.start();
            awaitHeight(node, 2);
            AtomicBoolean armed = new AtomicBoolean(true);
            node.ledger().injectReadFaults((cf, key) -> {
                if (armed.get() && Thread.currentThread().getName().equals("consensus")) {
                    throw new RocksDBException("block checksum mismatch: stored = 1, computed = 2 in " + config.dataDir() + "/ledger/000042.sst");
                }
            });
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
                try {
                    node.awaitStop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopped.get(WAIT_SECONDS, TimeUnit.SECONDS);
            NodeHalt halt = node.halt().orElseThrow();
            assertThat(halt.cause()).isInstanceOfSatisfying(LocalFault.class, f -> assertThat(f.kind()).isEqualTo(LocalFault.Kind.STORE_READ));
            assertThat(halt.fatalLine()).startsWith("FATAL: consensus halted while ").contains("local fault STORE_READ")
                    .contains("block checksum mismatch").contains("exits with code " + NodeHalt.EXIT_CODE);
            committedAtHalt = halt.committedHeight();
            armed.set(false);
            // Halted means halted: even with the disk healthy again, the loop commits nothing more.
            Thread.sleep(5 * EMPTY_BLOCK_INTERVAL_MS);
            assertThat(node.ledger().height()).isEqualTo(committedAtHalt);
        } finally {
            node.close();
        }
        try (Ledger reopened = Ledger.open(config.dataDir().resolve("ledger"), GenesisFile.read(config.genesisFile()),
                config.dataDir().resolve(Node.HEAD_MARKER_FILE), Ledger.OpenMode.NORMAL)) {
            assertThat(reopened.height()).isEqualTo(committedAtHalt);
            assertThat(reopened.stateRootByScan()).isEqualTo(reopened.stateRoot());
        }
        Node restarted = new Node(config);
        try {
            restarted.start();
            awaitHeight(restarted, committedAtHalt + 2);
        } finally {
            restarted.close();
        }
    }
}
