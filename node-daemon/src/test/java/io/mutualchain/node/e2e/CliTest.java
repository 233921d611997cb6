package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The CLI helper's bound holds: a command that hangs fails the test, naming itself, even after
 * printing more than a pipe holds (which once blocked the helper's read before its timed wait).
 */
class CliTest {
    private static final Duration SHORT = Duration.ofSeconds(2);

    @Test
    void aCommandThatFinishesGivesItsExitCodeAndBothOutputs() throws Exception {
        Cli.Result r = Cli.run(SHORT, "sh", "-c", "echo out; echo err >&2; exit 3");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEqualTo("out\n");
        assertThat(r.err()).isEqualTo("err\n");
    }

    @Test
    void aCommandThatHangsAfterFillingThePipeIsKilledAndFailsNamingItself() {
        String script = "head -c 1000000 /dev/zero | tr '\\0' x; echo; echo stuck >&2; exec sleep 600";
        assertThatThrownBy(() -> Cli.run(SHORT, "sh", "-c", script))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CLI did not finish within PT2S and was killed: sh -c head -c 1000000")
                .hasMessageContaining("stderr:\nstuck");
    }

    @Test
    void aStoppedProcessReportsTheSignalItDiedOf() throws Exception {
        Process p = new ProcessBuilder("sleep", "600").start();
        assertThat(ProcessStops.terminate(p, "sleep 600")).as("128 + SIGTERM").isEqualTo(143);
        Process q = new ProcessBuilder("sleep", "600").start();
        ProcessStops.kill(q, "sleep 600");
        assertThat(q.isAlive()).isFalse();
        assertThat(q.exitValue()).as("128 + SIGKILL").isEqualTo(137);
    }
}
