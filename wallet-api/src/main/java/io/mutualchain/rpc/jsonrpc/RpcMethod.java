package io.mutualchain.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One callable method: its name, the names of its params in positional order (so that a caller may
 * pass them by position or by name), how many of them are required, the handler, and its {@link
 * MethodDoc} (published by {@code rpc.discover}). Served methods are built with {@link #described},
 * which takes the param names and the required count from the doc, so the two cannot disagree.
 *
 * <p>A variadic method ({@link #variadic}) takes any params and reads {@link Params#raw()} itself.
 */
public record RpcMethod(String name, List<String> paramNames, int requiredParams, boolean variadic, Handler handler, MethodDoc doc) {
    /** The one {@code rpc.} method this server defines: OpenRPC service discovery. */
    public static final String DISCOVER = "rpc.discover";

    /** Computes a result from bound params; throws {@link RpcError} for errors meant for the caller. */
    @FunctionalInterface
    public interface Handler {
        JsonNode call(Params params);
    }

    public RpcMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(doc, "doc");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("method name is empty");
        }
        if (name.startsWith("rpc.") && !name.equals(DISCOVER)) {
            throw new IllegalArgumentException("method names beginning with 'rpc.' are reserved by JSON-RPC 2.0: " + name);
        }
        paramNames = List.copyOf(paramNames);
        if (paramNames.stream().distinct().count() != paramNames.size()) {
            throw new IllegalArgumentException("method " + name + " names a param twice: " + paramNames);
        }
        if (requiredParams < 0 || requiredParams > paramNames.size()) {
            throw new IllegalArgumentException("method " + name + ": required params " + requiredParams + " not in [0, " + paramNames.size() + "]");
        }
        if (!variadic && (!doc.paramNames().equals(paramNames) || doc.requiredParams() != requiredParams)) {
            throw new IllegalArgumentException("method " + name + ": its doc lists params " + doc.paramNames() + " ("
                    + doc.requiredParams() + " required), the method " + paramNames + " (" + requiredParams + " required)");
        }
    }

    /** A served method: params, required count and description all come from {@code doc}. */
    public static RpcMethod described(String name, MethodDoc doc, Handler handler) {
        return new RpcMethod(name, doc.paramNames(), doc.requiredParams(), false, handler, doc);
    }

    /** A method whose params are {@code paramNames}, the first {@code requiredParams} of them required. */
    public static RpcMethod of(String name, List<String> paramNames, int requiredParams, Handler handler) {
        return new RpcMethod(name, paramNames, requiredParams, false, handler, MethodDoc.undocumented(paramNames, requiredParams));
    }

    /** A method that takes no params (an empty array or object is also accepted). */
    public static RpcMethod noParams(String name, Handler handler) {
        return new RpcMethod(name, List.of(), 0, false, handler, MethodDoc.undocumented(List.of(), 0));
    }

    public static RpcMethod variadic(String name, Handler handler) {
        return new RpcMethod(name, List.of(), 0, true, handler, MethodDoc.undocumented(List.of(), 0));
    }
}
