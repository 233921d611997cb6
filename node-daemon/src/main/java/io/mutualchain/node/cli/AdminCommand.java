package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcException;
import io.mutualchain.rpc.admin.AdminGuard;
import io.mutualchain.rpc.admin.AdminMethods;
import io.mutualchain.rpc.admin.AdminTokenFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code admin token|info|peers|mempool|log-level}: the operator's side of the {@code admin_} RPC methods. */
@Command(name = "admin", description = "Create an admin token, and call a node's admin methods with it.",
        subcommands = {AdminCommand.Token.class, AdminCommand.Info.class, AdminCommand.Peers.class, AdminCommand.MempoolCmd.class,
                AdminCommand.LogLevelCmd.class})
public final class AdminCommand {
    private AdminCommand() {
    }

    @Command(name = "token", description = "Write a new random 256-bit admin token (hex) to a new file, mode 0600.")
    static final class Token implements Runnable {
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the token (must not exist).")
        Path out;
        @Mixin
        JsonOption json;

        @Override
        public void run() {
            try {
                AdminTokenFile.create(out);
            } catch (IOException e) {
                throw new UserError(e.getMessage());
            }
            ObjectNode o = Printer.object().put("tokenFile", out.toAbsolutePath().toString());
            new Printer(System.out, json.enabled()).print(o, "admin token written to " + out.toAbsolutePath()
                    + "\nEnable it in the node config with \"rpc\": {\"adminTokenFile\": \"" + out + "\"}, and keep the file secret.");
        }
    }

    /** The flags every admin call takes: where the node is, the token file, and --json. */
    static final class Call {
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;
        @Option(names = "--token-file", paramLabel = "FILE", required = true, description = "File holding the node's admin token.")
        Path tokenFile;

        JsonNode call(String method, Object... params) {
            RpcClient client = rpc.client().withBearerToken(readToken());
            try {
                return client.call(method, params);
            } catch (RpcException e) {
                if (AdminGuard.isAuthRefusal(e.code())) {
                    throw new UserError("the node at " + rpc.url() + " refused the admin token from " + tokenFile + ": " + e.getMessage()
                            + " (code " + e.code() + ")");
                }
                if (e.code() == -32601) {
                    throw new UserError("the node at " + rpc.url() + " has no admin methods: set rpc.adminTokenFile in its config and restart it");
                }
                throw new UserError(method + " failed: " + e.getMessage() + " (code " + e.code() + ")");
            } catch (IOException e) {
                throw new UserError("cannot reach a node at " + rpc.url() + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is it running?");
            }
        }

        /** The first line of the token file, as-is: the node judges it, so a bad one gets the node's own refusal. */
        private String readToken() {
            try {
                if (Files.size(tokenFile) > AdminTokenFile.FILE_BYTES_MAX) {
                    throw new UserError("token file " + tokenFile + " is larger than " + AdminTokenFile.FILE_BYTES_MAX + " bytes");
                }
                String line = Files.readString(tokenFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
                if (line.isEmpty()) {
                    throw new UserError("token file " + tokenFile + " is empty");
                }
                return line;
            } catch (IOException e) {
                throw new UserError("cannot read token file " + tokenFile + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new UserError("token file " + tokenFile + ": " + e.getMessage());
            }
        }

        void print(JsonNode result, String text) {
            new Printer(System.out, json.enabled()).print(result, text);
        }
    }

    @Command(name = "info", description = "Show the node's identity, role, chain, height, ports, data directory and uptime.")
    static final class Info implements Runnable {
        @Mixin
        Call call;

        @Override
        public void run() {
            JsonNode n = call.call(AdminMethods.NODE_INFO);
            call.print(n, "node:       " + n.path("name").asText() + " (" + n.path("role").asText() + ", version " + n.path("version").asText() + ")"
                    + "\naddress:    " + n.path("address").asText()
                    + "\npublic key: " + n.path("publicKey").asText()
                    + "\nchain:      " + n.path("chainId").asText() + " (genesis " + n.path("genesisHash").asText() + ")"
                    + "\nheight:     " + n.path("height").asLong()
                    + "\nepoch:      since block " + n.path("epochBase").asLong() + ", " + n.path("validatorSetSize").asInt() + " validators"
                    + "\nports:      rpc " + n.path("rpcPort").asInt() + ", p2p " + n.path("p2pPort").asInt() + ", metrics " + n.path("metricsPort").asInt()
                    + "\ndata dir:   " + n.path("dataDir").asText()
                    + "\nuptime:     " + n.path("uptimeSeconds").asLong() + " s");
        }
    }

    @Command(name = "peers", description = "List configured and connected peers and the transport's counters.")
    static final class Peers implements Runnable {
        @Mixin
        Call call;

        @Override
        public void run() {
            JsonNode p = call.call(AdminMethods.PEERS);
            StringBuilder text = new StringBuilder();
            text.append(p.path("connected").asInt()).append(" connected of ").append(p.path("peers").size()).append(" listed");
            for (JsonNode e : p.path("peers")) {
                text.append("\n  ").append(e.path("connected").asBoolean() ? "up  " : "down").append("  ")
                        .append(e.path("name").asText().isEmpty() ? "(not configured)" : e.path("name").asText()).append("  ")
                        .append(e.path("address").asText()).append("  ").append(e.path("publicKey").asText());
            }
            JsonNode t = p.path("transport");
            if (t.isObject()) {
                text.append("\ntransport: frames in/out ").append(t.path("framesIn").asLong()).append("/").append(t.path("framesOut").asLong())
                        .append(", bytes in/out ").append(t.path("payloadBytesIn").asLong()).append("/").append(t.path("payloadBytesOut").asLong())
                        .append(", links opened ").append(t.path("linksOpened").asLong()).append(", bans ").append(t.path("bans").asLong());
            } else {
                text.append("\ntransport: none (the node runs without networking)");
            }
            call.print(p, text.toString());
        }
    }

    @Command(name = "mempool", description = "Show the pool's size and bounds and the senders with the most pending transactions.")
    static final class MempoolCmd implements Runnable {
        @Mixin
        Call call;

        @Override
        public void run() {
            JsonNode m = call.call(AdminMethods.MEMPOOL);
            JsonNode l = m.path("limits");
            StringBuilder text = new StringBuilder();
            text.append(m.path("size").asInt()).append(" pending (limit ").append(l.path("maxTransactions").asInt()).append("), ")
                    .append(m.path("bytes").asLong()).append(" bytes (limit ").append(l.path("maxBytes").asLong()).append("), ")
                    .append(m.path("senders").asInt()).append(" senders (at most ").append(l.path("maxPerSender").asInt()).append(" each)");
            for (JsonNode s : m.path("topSenders")) {
                text.append("\n  ").append(s.path("address").asText()).append("  ").append(s.path("count").asInt()).append(" pending, nonces ")
                        .append(s.path("lowestNonce").asLong()).append("..").append(s.path("highestNonce").asLong());
            }
            call.print(m, text.toString());
        }
    }

    @Command(name = "log-level", description = "Set a logger's level on the running node (until it restarts).")
    static final class LogLevelCmd implements Runnable {
        @Parameters(index = "0", paramLabel = "LOGGER", description = "Logger name, e.g. io.mutualchain.p2p, or ROOT.")
        String logger;
        @Parameters(index = "1", paramLabel = "LEVEL", description = "TRACE, DEBUG, INFO, WARN, ERROR or OFF.")
        String level;
        @Mixin
        Call call;

        @Override
        public void run() {
            JsonNode r = call.call(AdminMethods.SET_LOG_LEVEL, logger, level);
            String before = r.path("previous").isNull() ? "inherited " + r.path("previousEffective").asText() : r.path("previous").asText();
            call.print(r, r.path("logger").asText() + ": " + before + " -> " + r.path("level").asText());
        }
    }
}
