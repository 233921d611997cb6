package io.mutualchain.core.block;

import io.mutualchain.core.validation.ReasonCode;

/**
 * Which of the chain parameters' bounds a block breaks. Shared by the engine's block rules (count and
 * bytes) and the ledger's block limits (count, bytes and declared gas), so one bound has one name.
 */
public enum BlockLimitCode implements ReasonCode {
    /** More transactions than {@code maxBlockTxs}. */
    TOO_MANY_TXS,
    /** An encoding longer than {@code maxBlockBytes}. */
    TOO_MANY_BYTES,
    /** The contract transactions declare more gas together than {@code blockGasLimit}. */
    GAS_OVER_LIMIT;

    @Override
    public String area() {
        return "block-limit";
    }
}
