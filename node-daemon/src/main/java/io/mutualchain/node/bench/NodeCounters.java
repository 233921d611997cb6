package io.mutualchain.node.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The nodes' own counters around a bench run, read from their Prometheus endpoints: CPU time the
 * node processes spent (so the run can report CPU per committed transaction, the figure of merit of
 * issue 12) and view changes (so a run shows whether load alone replaced a primary).
 *
 * @param cpuNanos    sum over the nodes of {@code mc_process_cpu_nanoseconds_total}
 * @param viewChanges sum over the nodes of {@code mc_view_changes_total}
 */
record NodeCounters(long cpuNanos, long viewChanges) {
    static final String CPU = "mc_process_cpu_nanoseconds_total";
    static final String VIEW_CHANGES = "mc_view_changes_total";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Scrapes every endpoint (each a metrics URL such as {@code http://127.0.0.1:26602/metrics}). */
    static NodeCounters scrape(List<URI> endpoints) throws IOException, InterruptedException {
        long cpu = 0;
        long views = 0;
        for (URI u : endpoints) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode() + " from " + u);
            }
            cpu += sample(r.body(), CPU, u);
            views += sample(r.body(), VIEW_CHANGES, u);
        }
        return new NodeCounters(cpu, views);
    }

    /** The value of the unlabelled sample {@code name} in a Prometheus text page. */
    static long sample(String page, String name, URI from) throws IOException {
        for (String line : page.split("\n")) {
            if (line.startsWith(name + " ")) {
                try {
                    return Long.parseLong(line.substring(name.length() + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IOException("bad sample " + name + " from " + from + ": " + line, e);
                }
            }
        }
        throw new IOException(from + " has no " + name + " (is it a MutualChain metrics endpoint of this version?)");
    }

    NodeCounters minus(NodeCounters before) {
        return new NodeCounters(cpuNanos - before.cpuNanos, viewChanges - before.viewChanges);
    }
}
