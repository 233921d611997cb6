package io.mutualchain.node.config;

import io.mutualchain.node.mempool.MempoolLimits;
import java.nio.file.Path;
import java.util.List;

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
 * @param p2pHost              address the peer-to-peer listener binds to
 * @param p2pPort              peer-to-peer port; 0 with no peers means a node without networking (dev)
 * @param peers                peers to dial and accept (the allow-list, with the genesis validators)
 * @param metricsPort          port of /metrics, /health and /ready on rpcHost; 0 turns them off
 * @param adminTokenFile       file holding the bearer token of the {@code admin_} RPC methods; null
 *                             (the default) leaves them off: they do not exist
 * @param calls                caps on read-only contract runs for RPC callers ({@code mc_call}, {@code mc_estimateGas})
 * @param clockOffsetMs        TEST ONLY: added to the system clock wherever consensus reads it (block
 *                             timestamps this node proposes, and the block-time rule when it votes), so
 *                             a test can run one validator with a wrong clock. 0 for every real node.
 */
public record NodeConfig(String name, Path dataDir, Path genesisFile, Path keyFile, String rpcHost, int rpcPort,
                         int tickMs, long emptyBlockIntervalMs, MempoolLimits mempool,
                         String p2pHost, int p2pPort, List<PeerEntry> peers, int metricsPort, Path adminTokenFile,
                         CallLimits calls, long clockOffsetMs) {
    public static final String DEFAULT_RPC_HOST = "127.0.0.1";
    public static final int DEFAULT_RPC_PORT = 8545;
    public static final int DEFAULT_TICK_MS = 50;
    public static final long DEFAULT_EMPTY_BLOCK_INTERVAL_MS = 5_000;
    public static final int DEFAULT_P2P_PORT = 26656;
    public static final int DEFAULT_METRICS_PORT = 9545;
    /** Largest test clock offset: ten years either way. */
    public static final long MAX_CLOCK_OFFSET_MS = 10L * 366 * 24 * 3600 * 1000;

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
        if (p2pPort < 0 || p2pPort > 65535 || metricsPort < 0 || metricsPort > 65535) {
            throw new IllegalArgumentException("p2p and metrics ports must be TCP ports (0 to 65535)");
        }
        if (Math.abs(clockOffsetMs) > MAX_CLOCK_OFFSET_MS) {
            throw new IllegalArgumentException("testOnly.clockOffsetMs must be within ten years either way");
        }
        peers = List.copyOf(peers);
        if (calls == null) {
            throw new IllegalArgumentException("call limits are missing");
        }
    }

    /** A node with the system clock as it is (every real node). */
    public NodeConfig(String name, Path dataDir, Path genesisFile, Path keyFile, String rpcHost, int rpcPort,
                      int tickMs, long emptyBlockIntervalMs, MempoolLimits mempool,
                      String p2pHost, int p2pPort, List<PeerEntry> peers, int metricsPort, Path adminTokenFile, CallLimits calls) {
        this(name, dataDir, genesisFile, keyFile, rpcHost, rpcPort, tickMs, emptyBlockIntervalMs, mempool, p2pHost, p2pPort, peers,
                metricsPort, adminTokenFile, calls, 0);
    }

    /** A node with the default caps on read-only RPC calls and the system clock as it is. */
    public NodeConfig(String name, Path dataDir, Path genesisFile, Path keyFile, String rpcHost, int rpcPort,
                      int tickMs, long emptyBlockIntervalMs, MempoolLimits mempool,
                      String p2pHost, int p2pPort, List<PeerEntry> peers, int metricsPort, Path adminTokenFile) {
        this(name, dataDir, genesisFile, keyFile, rpcHost, rpcPort, tickMs, emptyBlockIntervalMs, mempool, p2pHost, p2pPort, peers,
                metricsPort, adminTokenFile, CallLimits.DEFAULT);
    }

    /** A node with the admin methods off. */
    public NodeConfig(String name, Path dataDir, Path genesisFile, Path keyFile, String rpcHost, int rpcPort,
                      int tickMs, long emptyBlockIntervalMs, MempoolLimits mempool,
                      String p2pHost, int p2pPort, List<PeerEntry> peers, int metricsPort) {
        this(name, dataDir, genesisFile, keyFile, rpcHost, rpcPort, tickMs, emptyBlockIntervalMs, mempool, p2pHost, p2pPort, peers,
                metricsPort, null);
    }

    /** This config with other caps on read-only RPC calls. */
    public NodeConfig withCalls(CallLimits limits) {
        return new NodeConfig(name, dataDir, genesisFile, keyFile, rpcHost, rpcPort, tickMs, emptyBlockIntervalMs, mempool,
                p2pHost, p2pPort, peers, metricsPort, adminTokenFile, limits);
    }

    /** Whether the {@code admin_} methods are on (a token file is configured). */
    public boolean adminEnabled() {
        return adminTokenFile != null;
    }

    /** A node with neither a listener nor peers: a single-validator chain. */
    public boolean networked() {
        return p2pPort != 0 || !peers.isEmpty();
    }

    /** A single node without networking or metrics, as {@code dev} runs. */
    public static NodeConfig standalone(String name, Path dataDir, Path genesisFile, Path keyFile, int rpcPort, long emptyBlockIntervalMs) {
        return new NodeConfig(name, dataDir, genesisFile, keyFile, DEFAULT_RPC_HOST, rpcPort, DEFAULT_TICK_MS, emptyBlockIntervalMs,
                MempoolLimits.DEFAULT, DEFAULT_RPC_HOST, 0, List.of(), 0);
    }

    public NodeConfig withDataDir(Path dir) {
        return new NodeConfig(name, dir, genesisFile, keyFile, rpcHost, rpcPort, tickMs, emptyBlockIntervalMs, mempool,
                p2pHost, p2pPort, peers, metricsPort, adminTokenFile, calls, clockOffsetMs);
    }

    public NodeConfig withFiles(Path genesis, Path key) {
        return new NodeConfig(name, dataDir, genesis, key, rpcHost, rpcPort, tickMs, emptyBlockIntervalMs, mempool,
                p2pHost, p2pPort, peers, metricsPort, adminTokenFile, calls, clockOffsetMs);
    }

    public NodeConfig withRpcPort(int port) {
        return new NodeConfig(name, dataDir, genesisFile, keyFile, rpcHost, port, tickMs, emptyBlockIntervalMs, mempool,
                p2pHost, p2pPort, peers, metricsPort, adminTokenFile, calls, clockOffsetMs);
    }

    /** This config with /metrics, /health and /ready on {@code port} of the RPC host (0 turns them off). */
    public NodeConfig withMetricsPort(int port) {
        return new NodeConfig(name, dataDir, genesisFile, keyFile, rpcHost, rpcPort, tickMs, emptyBlockIntervalMs, mempool,
                p2pHost, p2pPort, peers, port, adminTokenFile, calls, clockOffsetMs);
    }

    /** This config with the admin methods behind the token in {@code file} (null turns them off). */
    public NodeConfig withAdminTokenFile(Path file) {
        return new NodeConfig(name, dataDir, genesisFile, keyFile, rpcHost, rpcPort, tickMs, emptyBlockIntervalMs, mempool,
                p2pHost, p2pPort, peers, metricsPort, file, calls, clockOffsetMs);
    }
}
