package io.mutualchain.node.runtime;

import io.mutualchain.pbft.ViewChangeCause;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * View changes this node started or joined, by cause ({@code mc_view_changes_started_total{cause=…}}):
 * the consensus thread counts, the metrics server reads.
 */
final class ViewChangeCounts {
    private final Map<ViewChangeCause.Kind, AtomicLong> counts = new EnumMap<>(ViewChangeCause.Kind.class);

    ViewChangeCounts() {
        for (ViewChangeCause.Kind k : ViewChangeCause.Kind.values()) {
            counts.put(k, new AtomicLong());
        }
    }

    void count(ViewChangeCause.Kind kind) {
        counts.get(kind).incrementAndGet();
    }

    long of(ViewChangeCause.Kind kind) {
        return counts.get(kind).get();
    }
}
