package io.mutualchain.node.e2e;

import io.mutualchain.rpc.RpcClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real node process, started the way a user starts it: {@code java -jar mutualchain.jar dev …}
 * from the packaged jar. Output goes to files in the test's folder so a failure can show the log.
 */
final class NodeProcess implements AutoCloseable {
    /** How long a node may take to start answering JSON-RPC. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Path JAR = Path.of("target", "mutualchain.jar");
    /** An idle dev node's longest gap between blocks in most tests. */
    static final Duration EMPTY_BLOCK_INTERVAL = Duration.ofSeconds(1);
    /** Longer than any test runs: a node started with it makes no empty block while the test is on. */
    static final Duration QUIET_EMPTY_BLOCK_INTERVAL = Duration.ofHours(6);

    private final Process process;
    private final Path log;
    private final int rpcPort;

    private NodeProcess(Process process, Path log, int rpcPort) {
        this.process = process;
        this.log = log;
        this.rpcPort = rpcPort;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> command(String... args) {
        ProcessStops.killDescendantsAtExit();
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A dev node that also makes an empty block every {@link #EMPTY_BLOCK_INTERVAL} when idle, as a live chain does. */
    static NodeProcess startDev(Path dataDir, int rpcPort, Path logDir) throws IOException, InterruptedException {
        return startDev(dataDir, rpcPort, logDir, EMPTY_BLOCK_INTERVAL);
    }

    /**
     * A dev node whose height moves only when a transaction commits (its empty-block interval is
     * longer than any test runs): a scenario that counts contract terms in blocks drives the height
     * itself with {@link FillerBlocks} and so does not depend on how fast the machine is.
     */
    static NodeProcess startQuietDev(Path dataDir, int rpcPort, Path logDir) throws IOException, InterruptedException {
        return startDev(dataDir, rpcPort, logDir, QUIET_EMPTY_BLOCK_INTERVAL);
    }

    /** A dev node as {@link #startDev(Path, int, Path)} with more {@code dev} options (e.g. {@code --metrics-port}). */
    static NodeProcess startDev(Path dataDir, int rpcPort, Path logDir, String... moreOptions) throws IOException, InterruptedException {
        return startDev(dataDir, rpcPort, logDir, EMPTY_BLOCK_INTERVAL, moreOptions);
    }

    private static NodeProcess startDev(Path dataDir, int rpcPort, Path logDir, Duration emptyBlockInterval, String... moreOptions)
            throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path log = Files.createTempFile(logDir, "node-", ".log");
        List<String> args = new ArrayList<>(List.of("dev", "--data-dir", dataDir.toString(), "--rpc-port", Integer.toString(rpcPort),
                "--empty-block-interval-ms", Long.toString(emptyBlockInterval.toMillis())));
        args.addAll(List.of(moreOptions));
        Process p = new ProcessBuilder(command(args.toArray(String[]::new)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        NodeProcess node = new NodeProcess(p, log, rpcPort);
        node.awaitRpc();
        return node;
    }

    private void awaitRpc() throws IOException, InterruptedException {
        RpcClient client = client();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                client.call("mc_health");
                return;
            } catch (IOException | RuntimeException e) {
                Thread.sleep(100);
            } catch (io.mutualchain.rpc.RpcException e) {
                return;
            }
        }
        throw new IllegalStateException("node did not answer JSON-RPC within " + START_TIMEOUT + ":\n" + log());
    }

    RpcClient client() {
        return new RpcClient(URI.create(url()));
    }

    String url() {
        return "http://127.0.0.1:" + rpcPort;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Waits (bounded) for the process to end by itself; returns its exit code, or kills it and fails showing the log. */
    int awaitExit(Duration within) throws IOException, InterruptedException {
        if (!ProcessStops.awaitExit(process, within, name())) {
            throw new AssertionError(name() + " still running after " + within + " (killed):\n" + log());
        }
        return process.exitValue();
    }

    /** SIGTERM, as Ctrl-C would, then SIGKILL after a bounded grace (see {@link ProcessStops}); returns the exit code. */
    int stop() throws InterruptedException {
        return ProcessStops.terminate(process, name());
    }

    /** SIGKILL: no shutdown hook runs; the node keeps only what it had written. */
    void kill() throws InterruptedException {
        ProcessStops.kill(process, name());
    }

    /** How failures name this node: its RPC port and log file. */
    private String name() {
        return "dev node on RPC port " + rpcPort + " (log " + log + ")";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
