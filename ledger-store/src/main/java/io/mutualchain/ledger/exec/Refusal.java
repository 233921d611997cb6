package io.mutualchain.ledger.exec;

import io.mutualchain.core.tx.TxRejection;

/**
 * Why a ledger rule refused a transaction that was otherwise valid (right nonce, fee covered). The
 * transaction still pays its fee and uses its nonce, its receipt says REJECTED with this text, and
 * nothing else changes. {@link Code} is what tests and programs match on; the message names the
 * asset, its state, the event and the sender as they apply.
 */
public record Refusal(Code code, String message) {
    /** The ledger's rules, by what they protect. */
    public enum Code {
        /** The (state, event) pair is not in the asset state machine's table. */
        UNDEFINED_TRANSITION,
        /** The sender may not send this event or transaction (not the owner, recipient, or a holder of the needed role). */
        NOT_AUTHORISED,
        /** A new asset's id is not the one derived from its owner and nonce. */
        BAD_ASSET_ID,
        ASSET_TYPE_MISMATCH,
        UNKNOWN_ASSET,
        /** The sender's (or recipient's) member level does not allow this. */
        MEMBER_LEVEL,
        ALREADY_MEMBER,
        JOIN_FEE_TOO_LOW,
        /** The MTN moved today would exceed the member level's daily limit. */
        DAILY_LIMIT,
        /** The MTN is there but still locked by a vesting schedule. */
        LOCKED_BY_VESTING,
        CREDIT_OUTSTANDING,
        NO_CREDIT,
        BAD_RECIPIENT,
        NOT_A_DEAL,
        ALREADY_RATED,
        ALREADY_VOTED,
        PROPOSAL_DONE,
        COMMITTEE_FUNDS,
        /** A validator addition names a key that is already in the (pending or current) validator set. */
        VALIDATOR_EXISTS,
        /** A validator removal names a key that is not in the (pending or current) validator set. */
        NOT_A_VALIDATOR,
        /** A validator removal would leave the set empty. */
        LAST_VALIDATOR,
        /** A validator addition would make the set larger than {@link io.mutualchain.core.genesis.ValidatorSet#MAX_VALIDATORS}. */
        TOO_MANY_VALIDATORS,
        /**
         * A validator change reached its quorum in the checkpoint block at which the previously approved change
         * takes over; it would need a second pending epoch, so the deciding vote is refused and may be sent again
         * in the next block.
         */
        EPOCH_BOUNDARY
    }

    public static Refusal of(Code code, String message) {
        return new Refusal(code, message);
    }

    /** The rejection as the API and receipts report it: NOT_ALLOWED, with the code leading the message. */
    public TxRejection toRejection() {
        return TxRejection.of(TxRejection.Reason.NOT_ALLOWED, code + ": " + message);
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
