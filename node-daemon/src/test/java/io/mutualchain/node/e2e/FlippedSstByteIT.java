package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.ContractCall;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcException;
import io.mutualchain.vm.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduction on a real dev node: a contract is deployed, the node is stopped, one byte
 * of the contract's code is flipped inside a RocksDB table file, the node is started again and the
 * contract is called. A healthy node would run the call; this one must not commit a TRAPPED receipt
 * naming its disk: it halts with a FATAL line naming the damaged file and exits with code 70. (That a
 * restart resumes from the last committed block is shown in-process, where the fault can be removed:
 * HaltOnLocalFaultTest; here the damage stays, so a restart would halt again, as documented.)
 */
class FlippedSstByteIT {
    private static final Path MULTISIG = Path.of("..", "contracts", "MultiSig.masm");
    /** Bytes of the module searched for in the table files; long enough to be unique, short enough to sit in one compressed literal. */
    private static final int WINDOW_BYTES = 12;
    private static final Duration HALT_TIMEOUT = Duration.ofSeconds(60);

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
    void aContractCallOnAFlippedTableByteHaltsTheNodeInsteadOfCommittingATrappedReceipt() throws Exception {
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

        try (NodeProcess node = NodeProcess.startDev(data, port, tmp.resolve("logs"))) {
            RpcClient client = node.client();
            long height = client.call("mc_blockNumber").asLong();
            KeyPair devKey = KeyFile.read(data.resolve("developer.key.json"));
            long nonce = client.call("mc_getAccount", devKey.address().toString()).path("nonce").asLong();
            Transaction tx = Transaction.sign(client.call("mc_chainId").asText(), devKey, nonce, Mtn.parse("0.01"),
                    new ContractCall(Address.parse(wallet), "owners", Values.encode(List.of()), 0, 1_000_000));
            try {
                client.call("mc_sendRawTransaction", "0x" + Hex.encode(tx.encode()));
            } catch (RpcException | IOException e) {
                // The node may halt while answering; what matters is what it does next.
            }
            int exit = node.awaitExit(HALT_TIMEOUT);
            String log = node.log();
            assertThat(exit).as(log).isEqualTo(70);
            // Whichever meets the flipped byte first, the contract's code read (a STORE_READ fault) or RocksDB's
            // background compaction (which then fails the next write), the node halts naming the damaged table file.
            assertThat(log).contains("FATAL: consensus halted while").contains("block checksum mismatch")
                    .contains(table.getFileName().toString());
            assertThat(log).doesNotContain("TRAPPED").doesNotContain("HOST_ERROR");
            System.out.println("halted as expected; committed height before the call " + height + "; table " + table.getFileName() + "; "
                    + log.lines().filter(l -> l.contains("FATAL")).findFirst().orElse(""));
        }
    }
}
