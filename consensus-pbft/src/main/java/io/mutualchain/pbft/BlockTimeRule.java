package io.mutualchain.pbft;

import io.mutualchain.core.genesis.ChainParams;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Proposer-based timestamps (CometBFT PBTS, ADR-071). The primary stamps a block with its own clock;
 * a validator votes for a new proposal stamped {@code t}, first seen when its own clock read
 * {@code r}, only if {@code r - (PRECISION + MSGDELAY) <= t <= r + PRECISION}. A quorum of votes
 * needs at least one honest validator, so with at most f faulty validators a committed block's time
 * is never more than PRECISION ahead of an honest clock at the time it was voted for, and never
 * more than PRECISION + MSGDELAY behind it. That t is after its parent's is the ledger's rule
 * (deterministic, also checked on synced blocks); this one is subjective and belongs only to voting:
 * a certified block is never judged by it. See docs/consensus.md, "Block time".
 */
public final class BlockTimeRule {
    private final long precisionMs;
    private final long messageDelayMs;

    public BlockTimeRule(ChainParams params) {
        this.precisionMs = params.clockPrecisionMs();
        this.messageDelayMs = params.messageDelayMs();
    }

    /** Empty if a proposal stamped {@code blockTimeMs} and received at local time {@code receivedAtMs} is timely. */
    public Optional<Untimely> check(long blockTimeMs, long receivedAtMs) {
        long latest = receivedAtMs + precisionMs;
        if (blockTimeMs > latest) {
            return Optional.of(new Untimely(Untimely.Kind.TOO_FAR_AHEAD, blockTimeMs, receivedAtMs, latest));
        }
        long earliest = receivedAtMs - precisionMs - messageDelayMs;
        if (blockTimeMs < earliest) {
            return Optional.of(new Untimely(Untimely.Kind.TOO_FAR_BEHIND, blockTimeMs, receivedAtMs, earliest));
        }
        return Optional.empty();
    }

    /**
     * The timestamp an honest primary whose clock reads {@code nowMs} gives a block on a parent stamped
     * {@code parentTimeMs}: its clock, or just after the parent if the parent is (slightly) ahead of
     * it. Empty when even that would be more than PRECISION ahead of its own clock: the primary then
     * waits for its clock to pass the parent rather than propose what it would itself refuse.
     */
    public OptionalLong proposalTime(long parentTimeMs, long nowMs) {
        long t = Math.max(nowMs, parentTimeMs + 1);
        return t > nowMs + precisionMs ? OptionalLong.empty() : OptionalLong.of(t);
    }

    public long precisionMs() {
        return precisionMs;
    }

    public long messageDelayMs() {
        return messageDelayMs;
    }
}
