package io.mutualchain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.tx.TxRejection;
import java.util.Optional;

/** A JSON-RPC error answer received by the client: the server's code, message and optional data. */
public final class RpcException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final transient JsonNode data;

    public RpcException(int code, String message, JsonNode data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    public int code() {
        return code;
    }

    /** The error's data member, or null. */
    public JsonNode data() {
        return data;
    }

    /** For a refused transaction: the typed reason from {@code data.reason}. */
    public Optional<TxRejection.Reason> rejectionReason() {
        if (data == null || !data.path("reason").isTextual()) {
            return Optional.empty();
        }
        return TxRejectionCodes.reason(code, data.path("reason").textValue());
    }

    @Override
    public String toString() {
        return "RpcException(" + code + ": " + getMessage() + ")";
    }
}
