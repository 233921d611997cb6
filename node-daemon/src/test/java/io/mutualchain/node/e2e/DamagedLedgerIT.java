package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduction on a real {@code dev} process: commit transfers, SIGKILL, flip four bytes
 * in the middle of the newest write-ahead log, start again. The node must refuse with a FATAL line
 * naming the log and the way out, exit non-zero, and leave every store file as it was, where it used
 * to reopen lower and re-make the lost heights.
 */
class DamagedLedgerIT {
    @TempDir
    Path tmp;

    @Test
    void aDevNodeWithAFlippedWriteAheadLogRefusesToStartAndRewritesNothing() throws Exception {
        Path data = tmp.resolve("dev");
        int port = NodeProcess.freePort();
        String rpcUrl = "http://127.0.0.1:" + port;
        long height;
        try (NodeProcess node = NodeProcess.startDev(data, port, tmp.resolve("logs"))) {
            for (int i = 0; i < 3; i++) {
                Cli.Result sent = Cli.run("tx", "transfer", "--key", data.resolve("developer.key.json").toString(),
                        "--to", reserveAddress(data),
                        "--amount", "1." + i, "--rpc", rpcUrl, "--json");
                assertThat(sent.exitCode()).as(sent.err()).isZero();
                assertThat(sent.json().path("status").asText()).isEqualTo("committed");
            }
            height = node.client().blockNumber();
            node.kill();
        }
        Path store = data.resolve("ledger");
        List<Path> logs = files(store, ".log");
        assertThat(logs).as("the blocks of this run are in the write-ahead log").isNotEmpty();
        Path newest = logs.get(logs.size() - 1);
        assertThat(Files.size(newest)).isPositive();
        flip(newest, Files.size(newest) / 2, 4);
        Map<String, String> before = digests(store);

        Cli.Result restart = Cli.run("dev", "--data-dir", data.toString(), "--rpc-port", Integer.toString(port));

        assertThat(restart.exitCode()).as("exit code of a refused start").isEqualTo(3);
        assertThat(restart.err()).contains("FATAL").contains("STORE_CORRUPT").contains(newest.getFileName().toString())
                .contains("restore a backup");
        assertThat(digests(store)).as("no store file was rewritten").isEqualTo(before);
        assertThat(markerHeight(data)).as("the head marker still names the committed head").isGreaterThanOrEqualTo(height);
    }

    private static String reserveAddress(Path data) throws IOException {
        return io.mutualchain.core.crypto.KeyFile.read(data.resolve("reserve.key.json")).address().toString();
    }

    private static long markerHeight(Path data) throws IOException {
        for (String line : Files.readAllLines(data.resolve("ledger.head"))) {
            if (line.startsWith("height=")) {
                return Long.parseLong(line.substring("height=".length()));
            }
        }
        throw new AssertionError("no height in the marker");
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith("LOG") && !name.equals("LOCK")) {
                    out.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                }
            }
        }
        return out;
    }

    private static void flip(Path file, long offset, int count) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            for (int i = 0; i < count; i++) {
                f.seek(offset + i);
                int b = f.read();
                f.seek(offset + i);
                f.write(b ^ 0xff);
            }
        }
    }
}
