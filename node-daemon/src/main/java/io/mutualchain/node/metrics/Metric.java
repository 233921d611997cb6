package io.mutualchain.node.metrics;

import java.util.function.LongSupplier;

/** One Prometheus sample, read when scraped. */
public record Metric(String name, String type, String help, LongSupplier value) {
    public Metric {
        if (!name.matches("[a-z_][a-z0-9_]*") || !(type.equals("gauge") || type.equals("counter"))) {
            throw new IllegalArgumentException("bad metric " + name + " of type " + type);
        }
    }
}
