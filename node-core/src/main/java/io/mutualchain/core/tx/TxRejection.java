package io.mutualchain.core.tx;

/**
 * Why a transaction was refused: a typed reason that code and tests can match on, and a message
 * for people that says which value was wrong.
 */
public record TxRejection(Reason reason, String message) {

    /**
     * Why, as a value. The kernel knows no protocol: the JSON-RPC code each reason is answered with
     * lives in wallet-api ({@code io.mutualchain.rpc.TxRejectionCodes}).
     */
    public enum Reason {
        MALFORMED,
        TOO_LARGE,
        WRONG_CHAIN,
        BAD_SIGNATURE,
        FEE_TOO_LOW,
        NONCE_TOO_LOW,
        NONCE_TOO_HIGH,
        INSUFFICIENT_BALANCE,
        DUPLICATE,
        POOL_FULL,
        NOT_ALLOWED,
        /** A contract transaction whose gas limit alone is above the chain's block gas limit: no block could carry it. */
        GAS_OVER_BLOCK_LIMIT,
        /** The sender already has as much pending in this node's pool as one account may (transactions or declared gas). */
        SENDER_LIMIT
    }

    public static TxRejection of(Reason reason, String message) {
        return new TxRejection(reason, message);
    }

    @Override
    public String toString() {
        return reason + ": " + message;
    }
}
