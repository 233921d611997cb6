package io.mutualchain.node.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * A local consortium of real node processes made with {@code testnet} and started with
 * {@code start --config}, as an operator would. Every wait is bounded; a failed wait names what it
 * waited for and shows the tail of the nodes' logs.
 */
final class Cluster implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ports per node in the testnet layout, and the range random base ports are drawn from: below Linux's ephemeral range (32768+), so no outgoing connection can hold a port a node is about to listen on. */
    private static final int PORT_STRIDE = 10;
    private static final int BASE_PORT_MIN = 20_000;
    private static final int BASE_PORT_SPAN = 12_000;

    record Member(String name, String role, Path config, URI rpc, URI metrics, Path log) {
    }

    private final Path dir;
    private final List<Member> members = new ArrayList<>();
    private final Process[] processes;

    private Cluster(Path dir, JsonNode testnet) {
        this.dir = dir;
        for (JsonNode n : testnet.path("nodes")) {
            Path config = Path.of(n.path("config").asText());
            members.add(new Member(n.path("name").asText(), n.path("role").asText(), config, URI.create(n.path("rpcUrl").asText()),
                    URI.create(n.path("metricsUrl").asText()), config.getParent().resolve("node.log")));
        }
        processes = new Process[members.size()];
    }

    static Cluster create(Path dir, int validators, int observers, String... extraTestnetArgs) throws IOException, InterruptedException {
        int base = freeBasePort(validators + observers);
        List<String> args = new ArrayList<>(List.of("testnet", "--validators", Integer.toString(validators), "--observers", Integer.toString(observers),
                "--out", dir.toString(), "--base-port", Integer.toString(base), "--json"));
        if (!List.of(extraTestnetArgs).contains("--empty-block-interval-ms")) {
            // Short for quick tests; a test that sizes its timings on the product's default (2,000 ms) passes its own.
            args.addAll(List.of("--empty-block-interval-ms", "1000"));
        }
        args.addAll(List.of(extraTestnetArgs));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("testnet failed: " + r.err());
        }
        return new Cluster(dir, r.json());
    }

    private static int freeBasePort(int nodes) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = BASE_PORT_MIN + PORT_STRIDE * ThreadLocalRandom.current().nextInt(BASE_PORT_SPAN / PORT_STRIDE);
            if (allFree(base, nodes)) {
                return base;
            }
        }
        throw new IOException("no free range of ports for " + nodes + " nodes");
    }

    private static boolean allFree(int base, int nodes) {
        for (int i = 0; i < nodes * PORT_STRIDE; i++) {
            try (ServerSocket s = new ServerSocket(base + i, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    Path dir() {
        return dir;
    }

    Path faucetKey() {
        return dir.resolve("faucet.key.json");
    }

    List<Member> members() {
        return members;
    }

    int size() {
        return members.size();
    }

    void start(int i) throws IOException {
        start(i, new String[0]);
    }

    /** Starts member {@code i} with {@code extraArgs} after {@code start --config FILE}. */
    void start(int i, String... extraArgs) throws IOException {
        if (processes[i] != null && processes[i].isAlive()) {
            return;
        }
        Member m = members.get(i);
        List<String> args = new ArrayList<>(List.of("start", "--config", m.config().toString()));
        args.addAll(List.of(extraArgs));
        processes[i] = new ProcessBuilder(NodeProcess.command(args.toArray(String[]::new)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(m.log().toFile()))
                .start();
    }

    void startAll() throws IOException {
        for (int i = 0; i < members.size(); i++) {
            start(i);
        }
    }

    /** SIGKILL: no shutdown hook, no flush; what the node persisted is all it has. */
    void kill(int i) throws InterruptedException {
        Process p = processes[i];
        if (p != null) {
            ProcessStops.kill(p, name(i));
        }
    }

    /** SIGKILL to every running member first, then waits for each: they go down together, not one after another. */
    void killAll() throws InterruptedException {
        ProcessStops.killAll(processes, names());
    }

    void stop(int i) throws InterruptedException {
        Process p = processes[i];
        if (p != null && p.isAlive()) {
            ProcessStops.terminate(p, name(i));
        }
    }

    /** How long the {@code kill} command may take to send a signal. */
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(10);

    void signal(int i, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(processes[i].pid())).start();
        if (!ProcessStops.awaitExit(kill, SIGNAL_TIMEOUT, "kill -" + signal + " of " + name(i)) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " failed");
        }
    }

    /** Waits for member {@code i} to exit by itself and returns its exit code. */
    int awaitExit(int i, Duration timeout) throws InterruptedException {
        if (!ProcessStops.awaitExit(processes[i], timeout, name(i))) {
            throw new AssertionError(name(i) + " still ran after " + timeout + " (killed)");
        }
        return processes[i].exitValue();
    }

    boolean alive(int i) {
        return processes[i] != null && processes[i].isAlive();
    }

    RpcClient rpc(int i) {
        return new RpcClient(members.get(i).rpc(), Duration.ofSeconds(5));
    }

    /** The node's height, or -1 if it does not answer. */
    long height(int i) {
        try {
            return rpc(i).blockNumber();
        } catch (IOException | RpcException e) {
            return -1;
        }
    }

    JsonNode status(int i) throws IOException, RpcException {
        return rpc(i).call("mc_status");
    }

    String blockHash(int i, long height) throws IOException, RpcException {
        JsonNode b = rpc(i).call("mc_getBlockByNumber", height);
        return b == null || b.isNull() ? null : b.path("hash").asText();
    }

    String metrics(int i) throws IOException, InterruptedException {
        java.net.http.HttpClient c = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        return c.send(java.net.http.HttpRequest.newBuilder(members.get(i).metrics()).timeout(Duration.ofSeconds(5)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    int httpStatus(int i, String path) throws IOException, InterruptedException {
        java.net.http.HttpClient c = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        URI u = members.get(i).metrics().resolve(path);
        return c.send(java.net.http.HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(5)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Waits until {@code condition} holds, polling; fails with {@code what} and the logs' tails after {@code timeout}. */
    void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for: " + what + "\n" + logTails());
    }

    /**
     * Every listed node answers JSON-RPC, within {@link NodeProcess#START_TIMEOUT} as a dev node must: the
     * JVM start and the ledger's opening, which on a loaded machine take tens of seconds per node, are
     * waited for here so that a following height wait measures consensus only.
     */
    void awaitAnswering(List<Integer> nodes) throws InterruptedException, IOException {
        await("nodes " + nodes + " answering JSON-RPC", NodeProcess.START_TIMEOUT, () -> nodes.stream().allMatch(i -> height(i) >= 0));
    }

    /** Every listed node reaches at least {@code height}. */
    void awaitHeight(List<Integer> nodes, long height, Duration timeout) throws InterruptedException, IOException {
        await("nodes " + nodes + " at height >= " + height, timeout, () -> nodes.stream().allMatch(i -> height(i) >= height));
    }

    /** For every height up to the lowest of the listed nodes, all of them hold the same block hash. */
    long assertAgreement(List<Integer> nodes) throws IOException, RpcException {
        long min = Long.MAX_VALUE;
        for (int i : nodes) {
            min = Math.min(min, rpc(i).blockNumber());
        }
        for (long h = 1; h <= min; h++) {
            String expected = blockHash(nodes.get(0), h);
            for (int i : nodes) {
                String got = blockHash(i, h);
                if (!expected.equals(got)) {
                    throw new AssertionError("fork at height " + h + ": " + members.get(nodes.get(0)).name() + " has " + expected + ", "
                            + members.get(i).name() + " has " + got);
                }
            }
        }
        return min;
    }

    /** Copies every node's whole log into {@code dir} (kept under target/ when a test fails, for reading afterwards). */
    void saveLogs(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Member m : members) {
            if (Files.exists(m.log())) {
                Files.copy(m.log(), dir.resolve(m.name() + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    String logTails() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Member m : members) {
            if (Files.exists(m.log())) {
                List<String> lines = Files.readAllLines(m.log());
                sb.append("---- ").append(m.name()).append(" (last 15 lines)\n");
                for (String l : lines.subList(Math.max(0, lines.size() - 15), lines.size())) {
                    sb.append(l).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** How failures name member {@code i}: its index, name and log file. */
    private String name(int i) {
        Member m = members.get(i);
        return "member " + i + " (" + m.name() + ", log " + m.log() + ")";
    }

    private String[] names() {
        String[] names = new String[processes.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = name(i);
        }
        return names;
    }

    @Override
    public void close() throws InterruptedException {
        ProcessStops.killAll(processes, names());
    }
}
