package io.mutualchain.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.node.mempool.MempoolLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of {@link NodeConfig}. Relative paths are relative to the config file's folder, so
 * a folder of configs can be moved as a whole.
 *
 * <pre>{
 *   "name": "node0",
 *   "dataDir": "data/node0",
 *   "genesis": "genesis.json",
 *   "key": "node0.key.json",
 *   "rpc": {"host": "127.0.0.1", "port": 8545, "adminTokenFile": "admin.token",
 *           "callGasMax": 1000000, "callTimeoutMs": 1000, "callWorkers": 2},
 *   "consensus": {"tickMs": 50, "emptyBlockIntervalMs": 5000},
 *   "mempool": {"maxTransactions": 50000, "maxPerSender": 1000, "maxBytes": 67108864, "maxGasPerSender": 100000000},
 *   "p2p": {"host": "127.0.0.1", "port": 26656,
 *           "peers": [{"name": "node1", "publicKey": "…64 hex…", "host": "127.0.0.1", "port": 26657}]},
 *   "metrics": {"port": 9545}
 * }</pre>
 * A config without a {@code p2p} section runs without networking, which only works for a
 * single-validator chain. Without {@code rpc.adminTokenFile} the admin RPC methods are off.
 * {@code "testOnly": {"clockOffsetMs": N}} shifts this node's consensus clock by N ms, for tests that
 * need one validator with a wrong clock; never set it on a real node (see {@link NodeConfig}).
 */
public final class NodeConfigFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeConfigFile() {
    }

    public static NodeConfig read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("config file " + file + " cannot be read as JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IOException("config file " + file + " must hold a JSON object");
        }
        Path base = file.toAbsolutePath().getParent();
        try {
            JsonNode rpc = root.path("rpc");
            JsonNode cons = root.path("consensus");
            JsonNode mp = root.path("mempool");
            JsonNode p2p = root.path("p2p");
            MempoolLimits d = MempoolLimits.DEFAULT;
            return new NodeConfig(
                    root.path("name").asText("node"),
                    base.resolve(required(root, "dataDir")).normalize(),
                    base.resolve(required(root, "genesis")).normalize(),
                    base.resolve(required(root, "key")).normalize(),
                    rpc.path("host").asText(NodeConfig.DEFAULT_RPC_HOST),
                    rpc.path("port").asInt(NodeConfig.DEFAULT_RPC_PORT),
                    cons.path("tickMs").asInt(NodeConfig.DEFAULT_TICK_MS),
                    cons.path("emptyBlockIntervalMs").asLong(NodeConfig.DEFAULT_EMPTY_BLOCK_INTERVAL_MS),
                    new MempoolLimits(mp.path("maxTransactions").asInt(d.maxTransactions()),
                            mp.path("maxPerSender").asInt(d.maxPerSender()),
                            mp.path("maxBytes").asLong(d.maxBytes()),
                            mp.path("maxGasPerSender").asLong(d.maxGasPerSender())),
                    p2p.path("host").asText(NodeConfig.DEFAULT_RPC_HOST),
                    p2p.path("port").asInt(0),
                    peers(p2p.path("peers")),
                    root.path("metrics").path("port").asInt(0),
                    optionalPath(base, rpc, "adminTokenFile"),
                    new CallLimits(rpc.path("callGasMax").asLong(CallLimits.DEFAULT_GAS_MAX),
                            rpc.path("callTimeoutMs").asLong(CallLimits.DEFAULT_TIMEOUT_MS),
                            rpc.path("callWorkers").asInt(CallLimits.DEFAULT_WORKERS)),
                    root.path("testOnly").path("clockOffsetMs").asLong(0));
        } catch (IllegalArgumentException e) {
            throw new IOException("config file " + file + ": " + e.getMessage());
        }
    }

    public static void write(Path file, NodeConfig c) throws IOException {
        Path base = file.toAbsolutePath().getParent();
        ObjectNode root = JSON.createObjectNode();
        root.put("name", c.name());
        root.put("dataDir", relative(base, c.dataDir()));
        root.put("genesis", relative(base, c.genesisFile()));
        root.put("key", relative(base, c.keyFile()));
        ObjectNode rpc = root.putObject("rpc").put("host", c.rpcHost()).put("port", c.rpcPort())
                .put("callGasMax", c.calls().gasMax()).put("callTimeoutMs", c.calls().timeoutMs()).put("callWorkers", c.calls().workers());
        if (c.adminTokenFile() != null) {
            rpc.put("adminTokenFile", relative(base, c.adminTokenFile()));
        }
        root.putObject("consensus").put("tickMs", c.tickMs()).put("emptyBlockIntervalMs", c.emptyBlockIntervalMs());
        root.putObject("mempool").put("maxTransactions", c.mempool().maxTransactions())
                .put("maxPerSender", c.mempool().maxPerSender()).put("maxBytes", c.mempool().maxBytes())
                .put("maxGasPerSender", c.mempool().maxGasPerSender());
        ObjectNode p2p = root.putObject("p2p").put("host", c.p2pHost()).put("port", c.p2pPort());
        ArrayNode peers = p2p.putArray("peers");
        for (PeerEntry p : c.peers()) {
            peers.addObject().put("name", p.name()).put("publicKey", p.publicKey().toHex()).put("host", p.host()).put("port", p.port());
        }
        root.putObject("metrics").put("port", c.metricsPort());
        if (c.clockOffsetMs() != 0) {
            root.putObject("testOnly").put("clockOffsetMs", c.clockOffsetMs());
        }
        Files.createDirectories(base);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    private static List<PeerEntry> peers(JsonNode array) {
        List<PeerEntry> out = new ArrayList<>();
        if (array.isMissingNode() || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("p2p.peers must be a JSON array");
        }
        for (JsonNode p : array) {
            String name = p.path("name").asText("");
            try {
                out.add(new PeerEntry(name, PublicKey.fromHex(p.path("publicKey").asText("")), p.path("host").asText(""),
                        p.path("port").asInt(-1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("p2p.peers entry '" + name + "': " + e.getMessage());
            }
        }
        return out;
    }

    private static String relative(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }

    private static Path optionalPath(Path base, JsonNode section, String field) {
        JsonNode v = section.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("\"rpc." + field + "\" must be a path (or absent)");
        }
        return base.resolve(v.asText()).normalize();
    }

    private static String required(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" (a path) is missing");
        }
        return v.asText();
    }
}
