package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.config.NodeConfigFile;
import io.mutualchain.rpc.RpcClient;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cluster start|stop|status --dir DIR}: runs every node of a {@code testnet} folder as its
 * own background process (log in {@code <node>/node.log}, pid in {@code <node>/node.pid}; JVM options
 * from {@code MC_JAVA_OPTS}), stops them with SIGTERM, and reports each node's height and view.
 */
@Command(name = "cluster", description = "Start, stop and report every node of a testnet folder.",
        subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class, ClusterCommand.Status.class})
public final class ClusterCommand {
    static final String PID_FILE = "node.pid";
    static final String LOG_FILE = "node.log";
    /** How long stop waits for each node to exit before killing it. */
    static final Duration STOP_WAIT = Duration.ofSeconds(20);

    static List<Path> configs(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + " is not a folder; make one with 'testnet --out " + dir + "'");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = s.map(p -> p.resolve("config.json")).filter(Files::isRegularFile).sorted().toList();
            if (out.isEmpty()) {
                throw new UserError("no <node>/config.json in " + dir);
            }
            return out;
        } catch (IOException e) {
            throw new UserError("cannot read " + dir + ": " + e.getMessage());
        }
    }

    static Optional<ProcessHandle> running(Path nodeDir) {
        Path pid = nodeDir.resolve(PID_FILE);
        try {
            if (!Files.exists(pid)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Command(name = "start", description = "Start every node not already running.")
    static final class Start implements Runnable {
        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "A folder made by 'testnet'.")
        Path dir;
        @Mixin
        JsonOption json;

        @Override
        public void run() {
            String java = ProcessHandle.current().info().command().orElse("java");
            String classpath = System.getProperty("java.class.path");
            ArrayNode started = Printer.JSON.createArrayNode();
            StringBuilder text = new StringBuilder();
            for (Path config : configs(dir)) {
                Path nodeDir = config.getParent();
                Optional<ProcessHandle> already = running(nodeDir);
                long pid;
                if (already.isPresent()) {
                    pid = already.get().pid();
                } else {
                    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g"));
                    String extra = System.getenv("MC_JAVA_OPTS");
                    if (extra != null && !extra.isBlank()) {
                        cmd.addAll(List.of(extra.trim().split("\\s+")));
                    }
                    cmd.addAll(List.of("-cp", classpath, "io.mutualchain.node.Main", "start", "--config", config.toAbsolutePath().toString()));
                    try {
                        Process p = new ProcessBuilder(cmd)
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.appendTo(nodeDir.resolve(LOG_FILE).toFile()))
                                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                                .start();
                        pid = p.pid();
                        Files.writeString(nodeDir.resolve(PID_FILE), pid + "\n");
                    } catch (IOException e) {
                        throw new UserError("cannot start " + nodeDir.getFileName() + ": " + e.getMessage());
                    }
                }
                started.addObject().put("name", nodeDir.getFileName().toString()).put("pid", pid).put("alreadyRunning", already.isPresent());
                text.append(nodeDir.getFileName()).append(already.isPresent() ? " already running, pid " : " started, pid ").append(pid)
                        .append(", log ").append(nodeDir.resolve(LOG_FILE)).append('\n');
            }
            ObjectNode o = Printer.object();
            o.set("nodes", started);
            new Printer(System.out, json.enabled()).print(o, text.toString().stripTrailing());
        }
    }

    @Command(name = "stop", description = "Stop every running node (SIGTERM, then SIGKILL after " + 20 + " s).")
    static final class Stop implements Runnable {
        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "A folder made by 'testnet'.")
        Path dir;
        @Mixin
        JsonOption json;

        @Override
        public void run() {
            ArrayNode stopped = Printer.JSON.createArrayNode();
            for (Path config : configs(dir)) {
                Path nodeDir = config.getParent();
                running(nodeDir).ifPresent(h -> {
                    h.destroy();
                    try {
                        h.onExit().get(STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        h.destroyForcibly();
                    }
                    stopped.add(nodeDir.getFileName().toString());
                });
            }
            ObjectNode o = Printer.object();
            o.set("stopped", stopped);
            new Printer(System.out, json.enabled()).print(o, stopped.isEmpty() ? "no node was running" : "stopped " + stopped);
        }
    }

    @Command(name = "status", description = "Height, view and pool of every node.")
    static final class Status implements Runnable {
        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "A folder made by 'testnet'.")
        Path dir;
        @Mixin
        JsonOption json;

        @Override
        public void run() {
            ArrayNode nodes = Printer.JSON.createArrayNode();
            StringBuilder text = new StringBuilder(String.format("%-12s %-8s %8s %6s %8s  %s%n", "node", "state", "height", "view", "mempool", "last block"));
            for (Path config : configs(dir)) {
                Path nodeDir = config.getParent();
                String name = nodeDir.getFileName().toString();
                ObjectNode o = nodes.addObject().put("name", name);
                boolean alive = running(nodeDir).isPresent();
                o.put("running", alive);
                JsonNode s = null;
                try {
                    NodeConfig c = NodeConfigFile.read(config);
                    s = new RpcClient(URI.create("http://" + c.rpcHost() + ":" + c.rpcPort()), Duration.ofSeconds(3)).call("mc_status");
                    o.set("status", s);
                } catch (Exception e) {
                    o.put("error", e.getMessage());
                }
                text.append(String.format("%-12s %-8s %8s %6s %8s  %s%n", name, alive ? (s == null ? "starting" : "up") : "down",
                        s == null ? "-" : s.path("height").asText(), s == null ? "-" : s.path("view").asText(),
                        s == null ? "-" : s.path("mempoolSize").asText(), s == null ? "" : s.path("lastBlockHash").asText()));
            }
            ObjectNode o = Printer.object();
            o.set("nodes", nodes);
            new Printer(System.out, json.enabled()).print(o, text.toString().stripTrailing());
        }
    }
}
