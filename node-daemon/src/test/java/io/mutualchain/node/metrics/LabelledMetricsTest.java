package io.mutualchain.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Samples of one name with different labels, served over real HTTP the way Prometheus scrapes them. */
class LabelledMetricsTest {

    @Test
    void seriesOfOneNameShareOneHelpAndTypeAndCarryTheirLabels() throws Exception {
        List<Metric> metrics = List.of(
                new Metric("mc_p2p_handshakes_refused_total", "reason=\"BAD_HELLO\"", "counter", "Refused.", () -> 3),
                new Metric("mc_p2p_handshakes_refused_total", "reason=\"BAD_FRAME\"", "counter", "Refused.", () -> 0),
                new Metric("mc_peers", "gauge", "Connected peers.", () -> 2));
        try (MetricsServer server = new MetricsServer("127.0.0.1", 0, metrics, () -> true, Optional::empty)) {
            server.start();
            String text = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body();
            assertThat(text).isEqualTo("""
                    # HELP mc_p2p_handshakes_refused_total Refused.
                    # TYPE mc_p2p_handshakes_refused_total counter
                    mc_p2p_handshakes_refused_total{reason="BAD_HELLO"} 3
                    mc_p2p_handshakes_refused_total{reason="BAD_FRAME"} 0
                    # HELP mc_peers Connected peers.
                    # TYPE mc_peers gauge
                    mc_peers 2
                    """);
        }
    }

    @Test
    void labelsThatWouldBreakTheTextFormatAreRefused() {
        assertThatThrownBy(() -> new Metric("mc_x_total", "reason=\"a\"} 1\nevil", "counter", "x", () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
