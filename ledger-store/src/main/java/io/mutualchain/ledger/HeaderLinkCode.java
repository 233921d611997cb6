package io.mutualchain.ledger;

import io.mutualchain.core.validation.ReasonCode;

/** Why a header does not extend the committed tip ({@link HeaderLinks}); in the order they are checked. */
public enum HeaderLinkCode implements ReasonCode {
    /** The header names another chain id. */
    WRONG_CHAIN,
    /** The height is not the committed height + 1. */
    NOT_NEXT_HEIGHT,
    /** The parent hash is not the committed block's hash. */
    WRONG_PARENT,
    /** The timestamp is not after the parent's. */
    TIME_NOT_AFTER_PARENT,
    /** The state root is not the one this ledger computed after the parent. */
    STATE_ROOT_MISMATCH,
    /** The receipts root is not the root of the parent's receipts. */
    RECEIPTS_ROOT_MISMATCH;

    @Override
    public String area() {
        return "header-link";
    }
}
