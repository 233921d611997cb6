package io.mutualchain.core.tx;

/**
 * Why a transaction was refused: a typed reason that code and tests can match on, and a message
 * for people that says which value was wrong.
 */
public record TxRejection(Reason reason, String message) {

    /** Each reason has a stable JSON-RPC application error code (the -320xx range is the server's). */
    public enum Reason {
        MALFORMED(-32010),
        TOO_LARGE(-32011),
        WRONG_CHAIN(-32012),
        BAD_SIGNATURE(-32013),
        FEE_TOO_LOW(-32014),
        NONCE_TOO_LOW(-32015),
        NONCE_TOO_HIGH(-32016),
        INSUFFICIENT_BALANCE(-32017),
        DUPLICATE(-32018),
        POOL_FULL(-32019),
        NOT_ALLOWED(-32020),
        /** A contract transaction whose gas limit alone is above the chain's block gas limit: no block could carry it. */
        GAS_OVER_BLOCK_LIMIT(-32021),
        /** The sender already has as much pending in this node's pool as one account may (transactions or declared gas). */
        SENDER_LIMIT(-32022);

        private final int rpcCode;

        Reason(int rpcCode) {
            this.rpcCode = rpcCode;
        }

        public int rpcCode() {
            return rpcCode;
        }
    }

    public static TxRejection of(Reason reason, String message) {
        return new TxRejection(reason, message);
    }

    @Override
    public String toString() {
        return reason + ": " + message;
    }
}
