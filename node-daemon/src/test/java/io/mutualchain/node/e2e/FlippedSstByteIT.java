package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduction on a real dev node: a contract is deployed, the node is stopped, one byte
 * of the contract's code is flipped inside a RocksDB table file, the node is started again and the
 * contract would be called. A healthy node would run the call; this one must never commit a TRAPPED
 * receipt naming its disk. Since the store verifies every table's checksums at open, the damage is
 * found first: the start is refused with a FATAL line naming the damaged file and exit code 3.
 */
class FlippedSstByteIT {
    private static final Path MULTISIG = Path.of("..", "contracts", "MultiSig.masm");
    /** Bytes of the module searched for in the table files; long enough to be unique, short enough to sit in one compressed literal. */
    private static final int WINDOW_BYTES = 12;

    @TempDir
    Path tmp;

    private static JsonNode ok(String rpc, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--rpc", rpc, "--json"));
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r.json();
    }

    /** Flips one byte of the first {@link #WINDOW_BYTES}-byte run of {@code code} found verbatim in a table file; returns that file. */
    private static Path flipByteOfCode(Path ledger, byte[] code) throws IOException {
        List<Path> tables;
        try (Stream<Path> s = Files.list(ledger)) {
            tables = s.filter(p -> p.getFileName().toString().endsWith(".sst")).sorted().toList();
        }
        for (int from = 0; from + WINDOW_BYTES <= code.length; from += WINDOW_BYTES) {
            for (Path t : tables) {
                byte[] bytes = Files.readAllBytes(t);
                int at = indexOf(bytes, code, from);
                if (at >= 0) {
                    bytes[at + WINDOW_BYTES / 2] ^= 0x5a;
                    Files.write(t, bytes);
                    return t;
                }
            }
        }
        throw new AssertionError("no " + WINDOW_BYTES + "-byte run of the module is in any of " + tables);
    }

    private static int indexOf(byte[] hay, byte[] code, int from) {
        outer:
        for (int i = 0; i + WINDOW_BYTES <= hay.length; i++) {
            for (int k = 0; k < WINDOW_BYTES; k++) {
                if (hay[i + k] != code[from + k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aFlippedByteInAContractsTableFileStopsTheNodeBeforeAnyCallCanCommitATrappedReceipt() throws Exception {
        Path data = tmp.resolve("dev");
        int port = NodeProcess.freePort();
        String rpc = "http://127.0.0.1:" + port;
        Path bin = tmp.resolve("multisig.bin");
        String wallet;
        try (NodeProcess node = NodeProcess.startDev(data, port, tmp.resolve("logs"))) {
            String dev = data.resolve("developer.key.json").toString();
            String devAddr = Cli.run("keys", "show", "--key", dev, "--json").json().path("address").asText();
            Cli.Result assembled = Cli.run("contract", "assemble", MULTISIG.toString(), "--out", bin.toString(), "--json");
            assertThat(assembled.exitCode()).as(assembled.err()).isZero();
            String alice = Cli.run("keys", "new", "--out", tmp.resolve("alice.key.json").toString(), "--json").json().path("address").asText();
            String bob = Cli.run("keys", "new", "--out", tmp.resolve("bob.key.json").toString(), "--json").json().path("address").asText();
            wallet = ok(rpc, "contract", "deploy", bin.toString(), "--key", dev, "--gas", "3000000",
                    "--args", devAddr + "," + alice + "," + bob, "2").path("contractAddress").asText();
            node.stop();
        }
        // A second run replays the write-ahead log into table files (RocksDB flushes on recovery): the code is now in an SST.
        try (NodeProcess node = NodeProcess.startDev(data, port, tmp.resolve("logs"))) {
            node.stop();
        }
        Path table = flipByteOfCode(data.resolve("ledger"), Files.readAllBytes(bin));

        // The damaged table is found before the node could run a block on it: every table's checksums are
        // verified at open, so the start is refused (exit 3) instead of a TRAPPED receipt naming the disk.
        // The same fault met while running (a read failing inside a contract call) halts consensus with
        // exit 70: LocalFaultOnRocksDbTest and HaltOnLocalFaultTest show that path in-process.
        Cli.Result restart = Cli.run("dev", "--data-dir", data.toString(), "--rpc-port", Integer.toString(port));
        String out = restart.out() + restart.err();
        assertThat(restart.exitCode()).as(out).isEqualTo(3);
        assertThat(restart.err()).contains("FATAL").contains("STORE_CORRUPT").contains(table.getFileName().toString())
                .contains("restore a backup");
        assertThat(out).doesNotContain("TRAPPED").doesNotContain("HOST_ERROR");
        assertThat(wallet).startsWith("mc");
        System.out.println("refused as expected; table " + table.getFileName() + "; "
                + restart.err().lines().filter(l -> l.contains("FATAL")).findFirst().orElse(""));
    }
}
