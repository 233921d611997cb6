package io.mutualchain.rpc.jsonrpc;

/** The error codes the JSON-RPC 2.0 specification reserves (section 5.1), with its short messages. */
public enum ErrorCode {
    PARSE_ERROR(-32700, "Parse error"),
    INVALID_REQUEST(-32600, "Invalid Request"),
    METHOD_NOT_FOUND(-32601, "Method not found"),
    INVALID_PARAMS(-32602, "Invalid params"),
    INTERNAL_ERROR(-32603, "Internal error");

    private final int code;
    private final String title;

    ErrorCode(int code, String title) {
        this.code = code;
        this.title = title;
    }

    public int code() {
        return code;
    }

    /** The specification's own message for this code. */
    public String title() {
        return title;
    }
}
