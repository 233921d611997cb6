package io.mutualchain.pbft.sim;

/** What a simulated validator does. Everything but HONEST is a wrapper around an honest engine, and counts towards f. */
public enum Behaviour {
    HONEST,
    /** Runs the engine but sends nothing. */
    SILENT,
    /** As primary, sends half the replicas a different block for the same height. */
    EQUIVOCATE,
    /** Also re-sends old messages it has seen (its own and others'), from any earlier view. */
    REPLAY,
    /** Also sends garbage bytes, truncated messages and messages with forged signatures. */
    FORGE,
    /** As primary, proposes blocks with a wrong state root (the application refuses them). */
    INVALID_PROPOSER,
    /** Two instances share this validator's key (Twins); each is honest code, together they equivocate. */
    TWIN,
    /**
     * Its clock runs {@link SimParams#clockSkewMs()} ahead of real time: its engine judges proposals by
     * it, and as primary it stamps blocks with it (the faulty-clock primary of issue 10).
     */
    CLOCK_AHEAD,
    /**
     * Its clock runs {@link SimParams#clockSkewMs()} plus MSGDELAY behind real time; as primary it stamps
     * max(its clock, parent + 1), as the node did before the block-time rule: time stands still
     * while it leads.
     */
    CLOCK_BEHIND
}
