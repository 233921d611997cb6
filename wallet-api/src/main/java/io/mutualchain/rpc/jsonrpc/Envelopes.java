package io.mutualchain.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds response objects: exactly one of result or error, always {@code "jsonrpc": "2.0"} and an id. */
public final class Envelopes {
    public static final String VERSION = "2.0";

    private Envelopes() {
    }

    public static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("jsonrpc", VERSION);
        o.set("result", result == null ? NullNode.instance : result);
        o.set("id", id == null ? NullNode.instance : id);
        return o;
    }

    public static ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
        ObjectNode err = JsonCodec.NODES.objectNode();
        err.put("code", code);
        err.put("message", message);
        if (data != null) {
            err.set("data", data);
        }
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("jsonrpc", VERSION);
        o.set("error", err);
        o.set("id", id == null ? NullNode.instance : id);
        return o;
    }

    public static ObjectNode error(JsonNode id, ErrorCode code, String message) {
        return error(id, code.code(), message, null);
    }

    public static ObjectNode error(JsonNode id, RpcError e) {
        return error(id, e.code(), e.getMessage(), e.data());
    }
}
