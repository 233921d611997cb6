package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.GenesisFile;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.config.NodeConfigFile;
import io.mutualchain.node.config.PeerEntry;
import io.mutualchain.node.mempool.MempoolLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code testnet}: everything a local consortium needs, in one folder: a genesis, and per node a
 * key, a config and a data directory, with every port on 127.0.0.1. Node i listens for peers on
 * base + 10i, JSON-RPC on base + 10i + 1 and metrics on base + 10i + 2 (with {@code --same-ports}, all
 * nodes use base, base + 1 and base + 2, for containers). Every node lists every
 * other as a peer, which is also its allow-list.
 */
@Command(name = "testnet", description = "Write genesis, keys and configs for a local multi-node chain.")
public final class TestnetCommand implements Callable<Integer> {
    public static final int MAX_NODES = 32;
    public static final String CHAIN_ID = "mutualchain-testnet";

    @Option(names = "--validators", paramLabel = "N", required = true, description = "Validators (1 to " + MAX_NODES + ").")
    int validators;
    @Option(names = "--observers", paramLabel = "M", defaultValue = "0", description = "Observer nodes (default ${DEFAULT-VALUE}).")
    int observers;
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write (must not exist or be empty).")
    Path out;
    @Option(names = "--base-port", paramLabel = "PORT", defaultValue = "26600", description = "First port (default ${DEFAULT-VALUE}).")
    int basePort;
    @Option(names = "--chain-id", defaultValue = CHAIN_ID, description = "Chain id (default ${DEFAULT-VALUE}).")
    String chainId;
    @Option(names = "--empty-block-interval-ms", paramLabel = "MS", defaultValue = "2000", description = "Longest gap between blocks (default ${DEFAULT-VALUE}).")
    long emptyBlockIntervalMs;
    @Option(names = "--checkpoint-interval", paramLabel = "K", defaultValue = "100",
            description = "Blocks between PBFT checkpoints (default ${DEFAULT-VALUE}); validator-set changes take effect at checkpoints."
                    + " The watermark window is 2K.")
    int checkpointInterval;
    @Option(names = "--block-gas-limit", paramLabel = "GAS", defaultValue = "" + ChainParams.DEFAULT_BLOCK_GAS_LIMIT,
            description = "Most gas the contract transactions of one block may declare together (default ${DEFAULT-VALUE}).")
    long blockGasLimit;
    @Option(names = "--bind", paramLabel = "HOST", defaultValue = NodeConfig.DEFAULT_RPC_HOST,
            description = "Address every node binds its P2P, JSON-RPC and metrics ports to (default ${DEFAULT-VALUE}; 0.0.0.0 in containers).")
    String bind;
    @Option(names = "--advertise", paramLabel = "PATTERN", defaultValue = NodeConfig.DEFAULT_RPC_HOST,
            description = "Host peers dial each node at; {name} and {i} are replaced by the node's name and index "
                    + "(default ${DEFAULT-VALUE}; e.g. '{name}' for Docker Compose, 'mutualchain-{i}.mutualchain' for a Kubernetes StatefulSet).")
    String advertise;
    @Option(names = "--same-ports", description = "Give every node the same three ports (for containers, where each node has its own address).")
    boolean samePorts;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws IOException {
        if (validators < 1 || validators + observers > MAX_NODES || observers < 0) {
            throw new UserError("--validators must be at least 1 and validators + observers at most " + MAX_NODES);
        }
        if (basePort < 1024 || basePort + 10 * (validators + observers) > 65535) {
            throw new UserError("--base-port " + basePort + " leaves no room for " + (validators + observers) + " nodes below 65535");
        }
        if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
            throw new UserError(out + " exists and is not empty; choose a new --out folder");
        }
        Files.createDirectories(out);
        int total = validators + observers;
        List<String> names = new ArrayList<>();
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String name = i < validators ? "node" + i : "observer" + (i - validators);
            KeyPair k = KeyPair.generate();
            KeyFile.write(out.resolve(name).resolve("node.key.json"), k);
            names.add(name);
            keys.add(k);
        }
        List<Validator> vs = new ArrayList<>();
        for (int i = 0; i < validators; i++) {
            vs.add(new Validator(names.get(i), keys.get(i).publicKey()));
        }
        ChainParams d = ChainParams.DEFAULT;
        ChainParams params;
        try {
            params = new ChainParams(d.baseFee(), d.maxTxBytes(), d.maxBlockTxs(), d.maxBlockBytes(), checkpointInterval,
                    2 * checkpointInterval, d.gasPrice(), blockGasLimit, d.clockPrecisionMs(), d.messageDelayMs());
        } catch (IllegalArgumentException e) {
            throw new UserError("--checkpoint-interval " + checkpointInterval + ", --block-gas-limit " + blockGasLimit + ": " + e.getMessage());
        }
        Genesis genesis = ChainSetup.genesis(chainId, vs, out, params);
        Path genesisFile = out.resolve("genesis.json");
        GenesisFile.write(genesisFile, genesis);

        List<PeerEntry> peers = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String host = advertise.replace("{name}", names.get(i)).replace("{i}", Integer.toString(i));
            peers.add(new PeerEntry(names.get(i), keys.get(i).publicKey(), host, p2pPort(i)));
        }
        ArrayNode list = Printer.JSON.createArrayNode();
        StringBuilder text = new StringBuilder("wrote a " + validators + "-validator" + (observers > 0 ? " + " + observers + "-observer" : "")
                + " chain '" + chainId + "' to " + out.toAbsolutePath() + "\n");
        for (int i = 0; i < total; i++) {
            Path dir = out.resolve(names.get(i));
            List<PeerEntry> others = new ArrayList<>(peers);
            others.remove(i);
            NodeConfig c = new NodeConfig(names.get(i), dir.resolve("data"), genesisFile, dir.resolve("node.key.json"),
                    bind, rpcPort(i), NodeConfig.DEFAULT_TICK_MS, emptyBlockIntervalMs, MempoolLimits.DEFAULT,
                    bind, p2pPort(i), others, metricsPort(i));
            Path configFile = dir.resolve("config.json");
            NodeConfigFile.write(configFile, c);
            ObjectNode o = list.addObject();
            o.put("name", names.get(i));
            o.put("role", i < validators ? "validator" : "observer");
            o.put("config", configFile.toAbsolutePath().toString());
            String host = peers.get(i).host();
            o.put("rpcUrl", "http://" + host + ":" + rpcPort(i));
            o.put("metricsUrl", "http://" + host + ":" + metricsPort(i) + "/metrics");
            o.put("p2pPort", p2pPort(i));
            o.put("address", keys.get(i).address().toString());
            text.append(String.format("  %-10s %-9s rpc %s  metrics %s  config %s%n", names.get(i), o.get("role").asText(),
                    o.get("rpcUrl").asText(), o.get("metricsUrl").asText(), configFile));
        }
        ObjectNode result = Printer.object();
        result.put("chainId", chainId);
        result.put("genesis", genesisFile.toAbsolutePath().toString());
        result.put("faucetKey", out.resolve(ChainSetup.FAUCET_KEY).toAbsolutePath().toString());
        result.set("nodes", list);
        text.append("faucet key (funded, for tx and bench): ").append(out.resolve(ChainSetup.FAUCET_KEY)).append('\n');
        text.append("start all: ./mutualchain cluster start --dir ").append(out);
        new Printer(System.out, json.enabled()).print(result, text.toString());
        return 0;
    }

    private int p2pPort(int i) {
        return basePort + (samePorts ? 0 : 10 * i);
    }

    private int rpcPort(int i) {
        return p2pPort(i) + 1;
    }

    private int metricsPort(int i) {
        return p2pPort(i) + 2;
    }
}
