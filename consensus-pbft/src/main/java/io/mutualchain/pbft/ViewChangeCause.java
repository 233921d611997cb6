package io.mutualchain.pbft;

/**
 * Why this replica last started or joined a view change: what an operator needs to tell a faulty
 * primary from a slow cluster. A view change that load alone caused shows up as {@link Kind#TIMEOUT}
 * (no block committed for a whole timeout) or {@link Kind#UNTIMELY_PROPOSAL} (an honest block that
 * arrived later than the block-time rule allows); the others name something a primary did.
 *
 * @param kind     the trigger
 * @param fromView the view this replica left
 * @param toView   the view it moved to
 * @param detail   the trigger's particulars in words (the refusal, the timeout, the views seen)
 */
public record ViewChangeCause(Kind kind, long fromView, long toView, String detail) {
    public enum Kind {
        /** No committed height for the current view-change timeout. */
        TIMEOUT,
        /** The primary's proposal broke a block rule or failed validation. */
        INVALID_PROPOSAL,
        /** The primary signed two different blocks for one height. */
        EQUIVOCATION,
        /** The primary's proposal was stamped outside this replica's clock window when it arrived. */
        UNTIMELY_PROPOSAL,
        /** f + 1 other replicas were already in higher views (§4.5.2). */
        JOINED
    }

    @Override
    public String toString() {
        return kind + " (view " + fromView + " -> " + toView + "): " + detail;
    }
}
