package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.DefaultGenesis;
import io.mutualchain.core.genesis.GenesisFile;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.node.config.NodeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dev}: a single-validator chain for development. The first run creates, in the data
 * directory, a validator key, a funded developer key, a reserve key holding the rest of the fixed
 * supply, and the genesis file; later runs reuse them, so the chain survives restarts.
 */
@Command(name = "dev", description = "Run a single-validator development chain (data in ./data/dev, JSON-RPC on 127.0.0.1:8545).")
public final class DevCommand implements Callable<Integer> {
    public static final String CHAIN_ID = "mutualchain-dev";
    /** What the developer key holds at genesis: the presale share of the default genesis. */
    public static final long DEVELOPER_FUNDS = DefaultGenesis.PRESALE;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/dev", description = "Where the chain lives (default: ${DEFAULT-VALUE}).")
    Path dataDir;
    @Option(names = "--rpc-port", paramLabel = "PORT", defaultValue = "8545", description = "JSON-RPC port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int rpcPort;
    @Option(names = "--empty-block-interval-ms", paramLabel = "MS", defaultValue = "5000",
            description = "Longest time without a block; an empty block is made after it (default: ${DEFAULT-VALUE}).")
    long emptyBlockIntervalMs;
    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "Turn on the admin_ RPC methods behind the token in FILE (see 'admin token'); off by default.")
    Path adminTokenFile;
    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "0",
            description = "Serve /metrics, /health and /ready on this port of 127.0.0.1 (default: off).")
    int metricsPort;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Path genesisFile = dataDir.resolve("genesis.json");
        Path validatorKey = dataDir.resolve("validator.key.json");
        Path developerKey = dataDir.resolve("developer.key.json");
        KeyPair developer;
        try {
            if (!Files.exists(genesisFile)) {
                developer = initialise(genesisFile, validatorKey, developerKey, dataDir.resolve("reserve.key.json"));
            } else {
                developer = KeyFile.read(developerKey);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("cannot prepare the dev chain in " + dataDir + ": " + e.getMessage());
        }
        NodeConfig config = NodeConfig.standalone("dev", dataDir, genesisFile, validatorKey, rpcPort, emptyBlockIntervalMs)
                .withAdminTokenFile(adminTokenFile).withMetricsPort(metricsPort);
        KeyPair dev = developer;
        return NodeRunner.run(config, node -> {
            String url = "http://" + NodeConfig.DEFAULT_RPC_HOST + ":" + node.rpcPort();
            ObjectNode o = Printer.object();
            o.put("chainId", node.genesis().chainId());
            o.put("rpcUrl", url);
            o.put("dataDir", dataDir.toAbsolutePath().toString());
            o.put("developerKey", developerKey.toAbsolutePath().toString());
            o.put("developerAddress", dev.address().toString());
            o.put("validatorAddress", node.key().address().toString());
            new Printer(System.out, json.enabled()).print(o, String.join("\n",
                    "MutualChain dev chain '" + node.genesis().chainId() + "' is running (Ctrl-C stops it).",
                    "  JSON-RPC:       " + url,
                    "  data:           " + dataDir.toAbsolutePath(),
                    "  developer key:  " + developerKey.toAbsolutePath(),
                    "  developer addr: " + dev.address(),
                    "Try, in another terminal:",
                    "  ./mutualchain status",
                    "  ./mutualchain keys new --out friend.key.json",
                    "  ./mutualchain tx transfer --key " + developerKey + " --to <address> --amount 12.5"));
        });
    }

    /**
     * The whitepaper's default genesis (DefaultGenesis): the developer key holds the presale share and
     * every role (GATEWAY, CREDITOR, KYC_AUTHORITY, ARBITER) and is the one-member committee that holds
     * the reserve, so one key can drive every asset event; the reserve key holds the sale share, and a
     * team key (vesting) and a research key are written beside it.
     */
    private static KeyPair initialise(Path genesisFile, Path validatorKey, Path developerKey, Path reserveKey) throws IOException {
        Files.createDirectories(genesisFile.getParent());
        KeyPair validator = ChainSetup.readOrCreate(validatorKey);
        KeyPair developer = ChainSetup.readOrCreate(developerKey);
        KeyPair reserve = ChainSetup.readOrCreate(reserveKey);
        KeyPair team = ChainSetup.readOrCreate(genesisFile.resolveSibling("team.key.json"));
        KeyPair research = ChainSetup.readOrCreate(genesisFile.resolveSibling("research.key.json"));
        DefaultGenesis g = DefaultGenesis.builder(CHAIN_ID, System.currentTimeMillis(), List.of(new Validator("dev", validator.publicKey())))
                .holders(developer.address(), reserve.address(), team.address(), research.address())
                .committee(1, List.of(developer.publicKey()));
        for (Role r : Role.values()) {
            g.grant(developer.address(), r);
        }
        GenesisFile.write(genesisFile, g.build());
        return developer;
    }
}
