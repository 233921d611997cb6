package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.config.NodeConfigFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code start --config FILE}: run one node of a chain from its config file. */
@Command(name = "start", description = "Run a node from its config file.")
public final class StartCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Node config (JSON).")
    Path configFile;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Override the config's data directory.")
    Path dataDir;
    @Option(names = "--rpc-port", paramLabel = "PORT", description = "Override the config's JSON-RPC port.")
    Integer rpcPort;
    @Option(names = "--key", paramLabel = "FILE", description = "Override the config's node key file.")
    Path keyFile;
    @Option(names = "--genesis", paramLabel = "FILE", description = "Override the config's genesis file.")
    Path genesisFile;
    @Option(names = "--resync-from-peers", description = "Rebuild a damaged ledger from peers: move the store aside (to ledger.damaged-*),"
            + " start from genesis, and keep the head marker, so the node does not vote until it is past every height it may have signed.")
    boolean resyncFromPeers;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        NodeConfig config;
        try {
            config = NodeConfigFile.read(configFile);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        if (rpcPort != null) {
            config = config.withRpcPort(rpcPort);
        }
        if (keyFile != null || genesisFile != null) {
            config = config.withFiles(genesisFile != null ? genesisFile : config.genesisFile(), keyFile != null ? keyFile : config.keyFile());
        }
        NodeConfig c = config;
        return NodeRunner.run(config, resyncFromPeers ? Ledger.OpenMode.RESYNC_FROM_PEERS : Ledger.OpenMode.NORMAL, node -> {
            ObjectNode o = Printer.object();
            o.put("name", c.name());
            o.put("chainId", node.genesis().chainId());
            o.put("rpcUrl", "http://" + c.rpcHost() + ":" + node.rpcPort());
            o.put("dataDir", c.dataDir().toString());
            new Printer(System.out, json.enabled()).print(o, "node " + c.name() + " running; JSON-RPC on http://" + c.rpcHost() + ":" + node.rpcPort());
        });
    }
}
