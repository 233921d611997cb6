package io.mutualchain.node.metrics;

import java.util.function.LongSupplier;

/**
 * One Prometheus sample, read when scraped. {@code labels} is empty or the text between the braces
 * ({@code reason="BAD_HELLO"}); samples of one name with different labels share its HELP and TYPE.
 */
public record Metric(String name, String labels, String type, String help, LongSupplier value) {
    public Metric {
        if (!name.matches("[a-z_][a-z0-9_]*") || !(type.equals("gauge") || type.equals("counter"))) {
            throw new IllegalArgumentException("bad metric " + name + " of type " + type);
        }
        if (!labels.isEmpty() && !labels.matches("[a-z_][a-z0-9_]*=\"[A-Za-z0-9_]*\"(,[a-z_][a-z0-9_]*=\"[A-Za-z0-9_]*\")*")) {
            throw new IllegalArgumentException("bad labels of metric " + name + ": " + labels);
        }
    }

    /** A sample without labels. */
    public Metric(String name, String type, String help, LongSupplier value) {
        this(name, "", type, help, value);
    }

    /** The sample's series name as scraped: the name, and the labels in braces if there are any. */
    public String series() {
        return labels.isEmpty() ? name : name + "{" + labels + "}";
    }
}
