package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin CLI against a real {@code dev} process started with {@code --admin-token-file}: a token
 * made by {@code admin token}, each admin command answering with the process's own facts, a wrong
 * token refused with a clear error, and a token file others can read stopping the start.
 */
class AdminCliIT {
    @TempDir
    Path tmp;

    /** Starts {@code dev} with the admin token and waits (bounded) until it answers JSON-RPC. */
    private static Process startDev(Path data, int port, Path token, Path log) throws Exception {
        Process p = new ProcessBuilder(NodeProcess.command("dev", "--data-dir", data.toString(), "--rpc-port", Integer.toString(port),
                "--empty-block-interval-ms", "1000", "--admin-token-file", token.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RpcClient client = new RpcClient(URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + NodeProcess.START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("dev exited with " + p.exitValue() + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                client.call("mc_health");
                return p;
            } catch (RpcException e) {
                return p;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        ProcessStops.kill(p, "dev node with an admin token (log " + log + ")");
        throw new IllegalStateException("dev did not answer within " + NodeProcess.START_TIMEOUT);
    }

    private static void stop(Process p) throws InterruptedException {
        ProcessStops.terminate(p, "dev node with an admin token, pid " + p.pid());
    }

    @Test
    void theAdminCommandsAnswerFromARealDevNodeOnlyWithItsToken() throws Exception {
        Path token = tmp.resolve("admin.token");
        Cli.Result made = Cli.run("admin", "token", "--out", token.toString(), "--json");
        assertThat(made.exitCode()).as(made.err()).isZero();
        int port = NodeProcess.freePort();
        String rpc = "http://127.0.0.1:" + port;
        Process dev = startDev(tmp.resolve("dev"), port, token, tmp.resolve("dev.log"));
        try {
            Cli.Result info = Cli.run("admin", "info", "--token-file", token.toString(), "--rpc", rpc, "--json");
            assertThat(info.exitCode()).as(info.err()).isZero();
            JsonNode n = info.json();
            assertThat(n.path("name").asText()).isEqualTo("dev");
            assertThat(n.path("role").asText()).isEqualTo("validator");
            assertThat(n.path("chainId").asText()).isEqualTo("mutualchain-dev");
            assertThat(n.path("rpcPort").asInt()).isEqualTo(port);
            assertThat(n.path("dataDir").asText()).isEqualTo(tmp.resolve("dev").toAbsolutePath().toString());

            Cli.Result peers = Cli.run("admin", "peers", "--token-file", token.toString(), "--rpc", rpc, "--json");
            assertThat(peers.exitCode()).as(peers.err()).isZero();
            assertThat(peers.json().path("transport").isNull()).isTrue();

            Cli.Result pool = Cli.run("admin", "mempool", "--token-file", token.toString(), "--rpc", rpc);
            assertThat(pool.exitCode()).as(pool.err()).isZero();
            assertThat(pool.out()).contains("pending (limit 50000)");

            Cli.Result level = Cli.run("admin", "log-level", "io.mutualchain", "DEBUG", "--token-file", token.toString(), "--rpc", rpc, "--json");
            assertThat(level.exitCode()).as(level.err()).isZero();
            assertThat(level.json().path("level").asText()).isEqualTo("DEBUG");
            assertThat(Files.readString(tmp.resolve("dev.log"))).contains("log level of io.mutualchain set to DEBUG");

            Path wrong = tmp.resolve("wrong.token");
            Files.writeString(wrong, "0".repeat(64) + "\n");
            Cli.Result refused = Cli.run("admin", "info", "--token-file", wrong.toString(), "--rpc", rpc);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("refused the admin token").contains("-32051");
            assertThat(Files.readString(tmp.resolve("dev.log"))).contains("refused admin call admin_nodeInfo from /127.0.0.1");
        } finally {
            stop(dev);
        }
    }

    @Test
    void devRefusesToStartWhenTheTokenFileIsReadableByOthers() throws Exception {
        Path token = tmp.resolve("open.token");
        Files.writeString(token, "5".repeat(64) + "\n");
        Files.setPosixFilePermissions(token, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Cli.Result r = Cli.run("dev", "--data-dir", tmp.resolve("dev2").toString(), "--rpc-port", Integer.toString(NodeProcess.freePort()),
                "--admin-token-file", token.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("accessible by group or others").contains("chmod 600");
    }
}
