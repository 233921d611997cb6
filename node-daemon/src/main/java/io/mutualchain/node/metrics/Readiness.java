package io.mutualchain.node.metrics;

import java.util.Optional;

/** Whether a node should receive traffic; empty means ready, otherwise the reason it is not. */
@FunctionalInterface
public interface Readiness {
    Optional<String> notReadyBecause();
}
