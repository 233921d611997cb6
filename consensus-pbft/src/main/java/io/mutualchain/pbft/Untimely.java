package io.mutualchain.pbft;

/**
 * Why a proposal's timestamp was refused: outside the window of this validator's clock when the
 * proposal first arrived.
 *
 * @param kind        which side of the window
 * @param blockTimeMs the proposal's timestamp
 * @param localTimeMs this validator's clock when the proposal arrived
 * @param boundMs     the edge of the window it crossed (local + PRECISION, or local - PRECISION - MSGDELAY)
 */
public record Untimely(Kind kind, long blockTimeMs, long localTimeMs, long boundMs) {
    public enum Kind {
        /** Stamped later than this validator's clock plus PRECISION: the proposer's clock is ahead, or ours is behind. */
        TOO_FAR_AHEAD,
        /** Stamped earlier than this validator's clock minus PRECISION and MSGDELAY: the proposer's clock is behind, or ours is ahead. */
        TOO_FAR_BEHIND
    }

    /** How far the timestamp is from this validator's clock: positive when ahead. */
    public long offsetMs() {
        return blockTimeMs - localTimeMs;
    }

    @Override
    public String toString() {
        return (kind == Kind.TOO_FAR_AHEAD ? "block time " + blockTimeMs + " ms is after the bound " + boundMs
                : "block time " + blockTimeMs + " ms is before the bound " + boundMs)
                + " ms (local clock " + localTimeMs + " ms, offset " + offsetMs() + " ms)";
    }
}
