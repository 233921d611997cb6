package io.mutualchain.core.block;

import io.mutualchain.core.validation.ReasonCode;

/** Why a block's transactions do not match its header ({@link Block#checkBody}). */
public enum BodyCode implements ReasonCode {
    /** The header's transaction count is not the number of transactions carried. */
    TX_COUNT_MISMATCH,
    /** The Merkle root of the transaction ids is not the header's transaction root. */
    TX_ROOT_MISMATCH;

    @Override
    public String area() {
        return "body";
    }
}
