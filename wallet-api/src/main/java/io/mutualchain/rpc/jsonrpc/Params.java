package io.mutualchain.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The params of one call, bound to the method's declared names whether they came by position or by
 * name. Binding refuses too many positional params and unknown names, so a typo in a param name is
 * an error rather than a silently ignored value. A JSON null counts as absent.
 */
public final class Params {
    private final RpcMethod method;
    private final JsonNode raw;
    private final JsonNode[] values;
    private final CallContext context;

    private Params(RpcMethod method, JsonNode raw, JsonNode[] values, CallContext context) {
        this.method = method;
        this.raw = raw;
        this.values = values;
        this.context = context;
    }

    /** Binds {@code raw} (absent, an array or an object) to the method's param names. */
    static Params bind(RpcMethod method, JsonNode raw, CallContext context) {
        List<String> names = method.paramNames();
        JsonNode[] values = new JsonNode[names.size()];
        if (method.variadic() || raw == null) {
            return new Params(method, raw, values, context);
        }
        if (raw.isArray()) {
            if (raw.size() > names.size()) {
                throw RpcError.invalidParams(method.name() + " takes at most " + names.size() + " params " + names + ", got " + raw.size());
            }
            for (int i = 0; i < raw.size(); i++) {
                values[i] = raw.get(i);
            }
        } else {
            for (Iterator<String> it = raw.fieldNames(); it.hasNext(); ) {
                String given = it.next();
                int index = names.indexOf(given);
                if (index < 0) {
                    throw RpcError.invalidParams(method.name() + " has no param named '" + given + "'; its params are " + names);
                }
                values[index] = raw.get(given);
            }
        }
        for (int i = 0; i < method.requiredParams(); i++) {
            if (values[i] == null || values[i].isNull()) {
                throw RpcError.invalidParam(names.get(i), "is required");
            }
        }
        return new Params(method, raw, values, context);
    }

    /** The params exactly as sent: null when absent, else an array or an object. */
    public JsonNode raw() {
        return raw;
    }

    /** The connection the call came on (its session, if the transport has one). */
    public CallContext context() {
        return context;
    }

    public String methodName() {
        return method.name();
    }

    public JsonNode required(String name) {
        return optional(name).orElseThrow(() -> RpcError.invalidParam(name, "is required"));
    }

    public Optional<JsonNode> optional(String name) {
        int index = method.paramNames().indexOf(name);
        if (index < 0) {
            // A handler asking for a param its own method does not declare is a server bug.
            throw new IllegalStateException("method " + method.name() + " declares no param '" + name + "'");
        }
        JsonNode v = values[index];
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }
}
