package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real second operating-system process on the same data directory, as an operator would start one by mistake. */
class SecondProcessTest {
    /** Generous bound for starting a JVM and loading RocksDB on a busy machine; the test fails rather than hangs. */
    static final long CHILD_TIMEOUT_SECONDS = 120;
    /** How long the kernel gets to reap the child after SIGKILL. */
    static final long KILL_WAIT_SECONDS = 10;

    @TempDir
    Path dir;

    record Outcome(int exitCode, String output) {
    }

    private Outcome runChild() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Output to a file, not a pipe: a child that printed more than a pipe holds would block
        // writing, never exit, and this bounded wait would report a hang that is not the child's.
        Path output = Files.createTempFile("second-process-", ".log");
        try {
            Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                    OpenLedgerMain.class.getName(), dir.toString())).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                boolean gone = p.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
                throw new AssertionError("child JVM (OpenLedgerMain, pid " + p.pid() + ") did not finish within "
                        + CHILD_TIMEOUT_SECONDS + " s" + (gone ? "; killed" : " and was still running " + KILL_WAIT_SECONDS
                        + " s after SIGKILL") + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Outcome(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void aSecondProcessIsRefusedWithAClearMessageWhileTheFirstHoldsTheDirectory() throws Exception {
        try (Ledger ledger = Ledger.open(dir, new TestChain().genesis)) {
            Outcome o = runChild();
            assertThat(o.exitCode()).as(o.output()).isEqualTo(3);
            assertThat(o.output()).contains("data directory " + dir.toAbsolutePath() + " is in use by another process");
            assertThat(ledger.height()).isZero();
        }
        Outcome after = runChild();
        assertThat(after.exitCode()).as(after.output()).isZero();
        assertThat(after.output()).contains("opened at height 0");
    }
}
