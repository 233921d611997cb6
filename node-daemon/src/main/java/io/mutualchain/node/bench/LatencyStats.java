package io.mutualchain.node.bench;

import java.util.Arrays;

/** Percentiles of a set of latencies (nearest-rank). */
public record LatencyStats(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
    public static LatencyStats of(long[] nanos) {
        if (nanos.length == 0) {
            return new LatencyStats(0, 0, 0, 0, 0);
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new LatencyStats(s.length, ms(rank(s, 50)), ms(rank(s, 95)), ms(rank(s, 99)), ms(s[s.length - 1]));
    }

    private static long rank(long[] sorted, int percentile) {
        int idx = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
