package io.mutualchain.node.config;

import io.mutualchain.node.mempool.MempoolLimits;
import java.nio.file.Path;

/**
 * One node's settings.
 *
 * @param name                 shown in logs and status
 * @param dataDir              the node's RocksDB and lock file; one node process per directory
 * @param genesisFile          the chain's genesis JSON
 * @param keyFile              this node's validator key (Ed25519 key file)
 * @param rpcHost              address the JSON-RPC server binds to (127.0.0.1 unless the operator opens it)
 * @param rpcPort              JSON-RPC port
 * @param tickMs               consensus clock: one engine tick every tickMs milliseconds
 * @param emptyBlockIntervalMs longest time without a block; an empty block shows the chain is alive
 * @param mempool              pool bounds
 */
public record NodeConfig(String name, Path dataDir, Path genesisFile, Path keyFile, String rpcHost, int rpcPort,
                         int tickMs, long emptyBlockIntervalMs, MempoolLimits mempool) {
    public static final String DEFAULT_RPC_HOST = "127.0.0.1";
    public static final int DEFAULT_RPC_PORT = 8545;
    public static final int DEFAULT_TICK_MS = 50;
    public static final long DEFAULT_EMPTY_BLOCK_INTERVAL_MS = 5_000;

    public NodeConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("node name is missing");
        }
        if (rpcPort < 0 || rpcPort > 65535) {
            throw new IllegalArgumentException("rpc port " + rpcPort + " is not a TCP port");
        }
        if (tickMs < 1 || tickMs > 10_000) {
            throw new IllegalArgumentException("tickMs must be between 1 and 10000");
        }
        if (emptyBlockIntervalMs < 100) {
            throw new IllegalArgumentException("emptyBlockIntervalMs must be at least 100");
        }
    }

    public NodeConfig withDataDir(Path dir) {
        return new NodeConfig(name, dir, genesisFile, keyFile, rpcHost, rpcPort, tickMs, emptyBlockIntervalMs, mempool);
    }

    public NodeConfig withRpcPort(int port) {
        return new NodeConfig(name, dataDir, genesisFile, keyFile, rpcHost, port, tickMs, emptyBlockIntervalMs, mempool);
    }
}
