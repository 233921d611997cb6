package io.mutualchain.ledger;

import io.mutualchain.core.validation.ReasonCode;

/**
 * The refusals of proposal validation ({@link Ledger#validateProposal}) that are its own; it also
 * refuses with {@link HeaderLinkCode}, {@link io.mutualchain.core.block.BlockLimitCode} and
 * {@link io.mutualchain.core.block.BodyCode}.
 */
public enum ProposalCode implements ReasonCode {
    /** The proposer is not in the validator set in force at the block's height. */
    PROPOSER_NOT_VALIDATOR,
    /** A transaction is invalid (signature, nonce, balance for amount plus fee): it would be FAILED, which spoils the block. */
    TX_WOULD_FAIL;

    @Override
    public String area() {
        return "proposal";
    }
}
