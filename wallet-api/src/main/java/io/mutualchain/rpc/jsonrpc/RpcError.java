package io.mutualchain.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC error a method raises on purpose: its code, a one-sentence message for people, and
 * optional structured data for programs. Anything else a method throws is an internal error whose
 * details stay in the server log.
 */
public final class RpcError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final transient JsonNode data;

    public RpcError(int code, String message, JsonNode data) {
        // No stack trace: this is an answer to the caller, not a fault in the server.
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public RpcError(ErrorCode code, String message) {
        this(code.code(), message, null);
    }

    /** -32602 naming the offending parameter, with {"param": name} as data. */
    public static RpcError invalidParam(String param, String why) {
        ObjectNode data = JsonCodec.NODES.objectNode().put("param", param);
        return new RpcError(ErrorCode.INVALID_PARAMS.code(), "Invalid params: '" + param + "' " + why, data);
    }

    /** -32602 about the params as a whole (arity, unknown names). */
    public static RpcError invalidParams(String why) {
        return new RpcError(ErrorCode.INVALID_PARAMS, "Invalid params: " + why);
    }

    public int code() {
        return code;
    }

    /** Structured detail, or null. */
    public JsonNode data() {
        return data;
    }
}
