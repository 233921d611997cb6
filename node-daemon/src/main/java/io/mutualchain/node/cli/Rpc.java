package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcException;
import java.io.IOException;

/** Calls a node and turns transport failures into a {@link UserError} that names the endpoint. */
final class Rpc {
    private Rpc() {
    }

    static JsonNode call(RpcOption rpc, String method, Object... params) throws RpcException {
        RpcClient client = rpc.client();
        try {
            return client.call(method, params);
        } catch (IOException e) {
            throw new UserError("cannot reach a node at " + rpc.url() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is it running? Start one with './mutualchain dev'");
        }
    }

    static JsonNode callOrFail(RpcOption rpc, String method, Object... params) {
        try {
            return call(rpc, method, params);
        } catch (RpcException e) {
            throw new UserError(method + " failed: " + e.getMessage() + " (code " + e.code() + ")");
        }
    }
}
