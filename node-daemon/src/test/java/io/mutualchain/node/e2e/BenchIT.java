package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark commands of docs/benchmarks.md, small: {@code bench} against a real dev node with its
 * metrics endpoint commits every transfer it sends and reports the nodes' CPU per committed
 * transaction and the view changes during the run. Speeds are not asserted (they are measured, on an
 * idle machine, by the documented commands); that the numbers exist and add up is.
 */
class BenchIT {
    @TempDir
    Path tmp;

    @Test
    void benchCommitsEveryTransferAndReportsTheNodesCpuPerTransactionAndViewChanges() throws Exception {
        int rpcPort = NodeProcess.freePort();
        int metricsPort = NodeProcess.freePort();
        Path data = tmp.resolve("dev");
        try (NodeProcess node = NodeProcess.startDev(data, rpcPort, tmp.resolve("logs"), "--metrics-port", Integer.toString(metricsPort))) {
            Cli.Result r = Cli.run(Duration.ofSeconds(120), NodeProcess.command("bench", "--rpc", node.url(), "--key",
                    data.resolve("developer.key.json").toString(), "--tx", "300", "--rate", "200",
                    "--metrics", "http://127.0.0.1:" + metricsPort + "/metrics", "--json").toArray(String[]::new));
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode o = r.json();
            assertThat(o.path("committed").asInt()).isEqualTo(300);
            assertThat(o.path("accepted").asInt()).isEqualTo(300);
            assertThat(o.path("offeredRate").asInt()).isEqualTo(200);
            assertThat(o.path("nodeCpuSeconds").asDouble()).isPositive();
            assertThat(o.path("nodeCpuMicrosPerTx").asLong()).isPositive()
                    .isCloseTo((long) (o.path("nodeCpuSeconds").asDouble() * 1e6 / 300), org.assertj.core.data.Offset.offset(2L));
            assertThat(o.path("viewChanges").asLong()).isZero();

            Cli.Result wrong = Cli.run("bench", "--rpc", node.url(), "--key", data.resolve("developer.key.json").toString(),
                    "--tx", "10", "--metrics", node.url() + "/nothing-here");
            assertThat(wrong.exitCode()).isEqualTo(1);
            assertThat(wrong.err()).contains("cannot read the nodes' metrics");
        }
    }
}
