package io.mutualchain.rpc;

/**
 * A read-only contract run ({@code mc_call}, {@code mc_estimateGas}) that this node would not finish for
 * an RPC caller: it asked for more gas than the node's cap, needed more, ran longer than the node's
 * time cap, or found every call worker busy. Each kind has a stable JSON-RPC error code; the message
 * names the cap and the config key that sets it.
 */
public final class CallLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which cap; the codes are part of the API (docs/api.md). */
    public enum Kind {
        /** Asked for, or needed, more gas than {@code rpc.callGasMax}. */
        GAS_CAP(-32031),
        /** Still running after {@code rpc.callTimeoutMs}. */
        TIME_CAP(-32032),
        /** Every call worker busy and the queue full; retry shortly. */
        BUSY(-32033);

        private final int rpcCode;

        Kind(int rpcCode) {
            this.rpcCode = rpcCode;
        }

        public int rpcCode() {
            return rpcCode;
        }
    }

    private final Kind kind;

    public CallLimitException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
