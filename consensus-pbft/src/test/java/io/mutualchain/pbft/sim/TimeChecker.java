package io.mutualchain.pbft.sim;

import io.mutualchain.pbft.CommittedBlock;
import java.util.Optional;

/**
 * The block-time oracle, for honest replicas' commits: (1) block time is strictly monotonic along the
 * chain; (2) no committed block is stamped more than PRECISION ahead of the latest honest clock at
 * the moment it is committed. (2) holds because a commit needs a quorum of prepared replicas, at
 * least one of them honest, and an honest replica prepared it only if it was within PRECISION of its
 * clock then (or it is a re-proposal of such a block); clocks only move forward.
 */
final class TimeChecker {
    private final long precisionMs;
    /** Largest lead of a committed block over the latest honest clock seen so far (negative: behind). */
    private long maxLeadMs = Long.MIN_VALUE;

    TimeChecker(long precisionMs) {
        this.precisionMs = precisionMs;
    }

    Optional<String> onCommit(SimNode node, CommittedBlock cb, long parentTimeMs, long latestHonestClockMs) {
        long t = cb.block().header().timestampMs();
        if (cb.height() > 1 && t <= parentTimeMs) {
            return Optional.of("node " + node.instance + " committed height " + cb.height() + " stamped " + t
                    + " ms, not after its parent's " + parentTimeMs + " ms");
        }
        long lead = t - latestHonestClockMs;
        maxLeadMs = Math.max(maxLeadMs, lead);
        if (lead > precisionMs) {
            return Optional.of("node " + node.instance + " committed height " + cb.height() + " stamped " + t + " ms, "
                    + lead + " ms ahead of the latest honest clock (" + latestHonestClockMs + " ms); the bound is " + precisionMs + " ms");
        }
        return Optional.empty();
    }

    long maxLeadMs() {
        return maxLeadMs;
    }
}
