package io.mutualchain.node.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/** Serves {@code /metrics} (Prometheus text format 0.0.4), {@code /health} and {@code /ready}. */
public final class MetricsServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Metric> metrics;
    private final BooleanSupplier healthy;
    private final Readiness readiness;

    public MetricsServer(String host, int port, List<Metric> metrics, BooleanSupplier healthy, Readiness readiness) throws IOException {
        this.metrics = List.copyOf(metrics);
        this.healthy = healthy;
        this.readiness = readiness;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (BindException e) {
            throw new IOException("metrics port " + port + " on " + host + " is already in use; choose another metrics.port");
        }
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", this::metrics);
        server.createContext("/health", this::health);
        server.createContext("/ready", this::ready);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void metrics(HttpExchange ex) throws IOException {
        StringBuilder sb = new StringBuilder(4096);
        String previous = null;
        for (Metric m : metrics) {
            if (!m.name().equals(previous)) {
                sb.append("# HELP ").append(m.name()).append(' ').append(m.help()).append('\n');
                sb.append("# TYPE ").append(m.name()).append(' ').append(m.type()).append('\n');
                previous = m.name();
            }
            sb.append(m.series()).append(' ').append(m.value().getAsLong()).append('\n');
        }
        reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", sb.toString());
    }

    private void health(HttpExchange ex) throws IOException {
        boolean ok = healthy.getAsBoolean();
        reply(ex, ok ? 200 : 503, "application/json", ok ? "{\"status\":\"ok\"}\n" : "{\"status\":\"failed\"}\n");
    }

    private void ready(HttpExchange ex) throws IOException {
        Optional<String> why = readiness.notReadyBecause();
        if (why.isEmpty()) {
            reply(ex, 200, "application/json", "{\"ready\":true}\n");
        } else {
            reply(ex, 503, "application/json", "{\"ready\":false,\"reason\":\"" + why.get().replace("\"", "'") + "\"}\n");
        }
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
