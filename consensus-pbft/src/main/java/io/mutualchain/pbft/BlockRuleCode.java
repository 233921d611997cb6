package io.mutualchain.pbft;

import io.mutualchain.core.validation.ReasonCode;

/**
 * The engine's own refusals of a proposed block ({@link BlockRules}); it also refuses with
 * {@link io.mutualchain.core.block.BlockLimitCode} (count, bytes) and {@link io.mutualchain.core.block.BodyCode}.
 */
public enum BlockRuleCode implements ReasonCode {
    /** The header names another chain id. */
    WRONG_CHAIN,
    /** The header's height is not the pre-prepare's sequence number. */
    WRONG_HEIGHT,
    /** The header's view is not the pre-prepare's (or, re-proposed, is above it). */
    WRONG_VIEW,
    /** The proposer is not the primary of the header's view. */
    PROPOSER_NOT_PRIMARY;

    @Override
    public String area() {
        return "block-rule";
    }
}
