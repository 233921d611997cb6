package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real second operating-system process on the same data directory, as an operator would start one by mistake. */
class SecondProcessTest {
    /** Generous bound for starting a JVM and loading RocksDB on a busy machine; the test fails rather than hangs. */
    static final long CHILD_TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    record Outcome(int exitCode, String output) {
    }

    private Outcome runChild() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                OpenLedgerMain.class.getName(), dir.toString())).redirectErrorStream(true).start();
        if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish within " + CHILD_TIMEOUT_SECONDS + " s");
        }
        return new Outcome(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
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
