package io.mutualchain.rpc.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.jsonrpc.MethodDoc;
import io.mutualchain.rpc.jsonrpc.MethodRegistry;
import io.mutualchain.rpc.jsonrpc.Params;
import io.mutualchain.rpc.jsonrpc.RpcError;
import io.mutualchain.rpc.jsonrpc.RpcMethod;
import io.mutualchain.rpc.jsonrpc.Schema;
import java.util.regex.Pattern;

/**
 * Registers the {@code admin_} methods over an {@link AdminApi}, each behind the {@link AdminGuard}:
 * the token is checked before any param value is read, so a caller without it learns nothing about
 * the node (only the shape of the params, too many or unknown names, is judged before, by the
 * dispatcher). Only called when the operator configured a token; without one the methods do not
 * exist (-32601) and {@code rpc.discover} does not list them.
 */
public final class AdminMethods {
    public static final String NODE_INFO = "admin_nodeInfo";
    public static final String PEERS = "admin_peers";
    public static final String MEMPOOL = "admin_mempool";
    public static final String SET_LOG_LEVEL = "admin_setLogLevel";
    /** Senders listed by admin_mempool, those with the most pending transactions. */
    public static final int TOP_SENDERS = 20;
    /** Longest logger name admin_setLogLevel accepts (Logback creates a logger per new name). */
    public static final int LOGGER_NAME_CHARS_MAX = 256;
    private static final Pattern LOGGER_NAME = Pattern.compile("[A-Za-z0-9_$.-]+");

    private AdminMethods() {
    }

    public static MethodRegistry register(MethodRegistry registry, AdminApi api, AdminGuard guard) {
        registry.register(guarded(NODE_INFO, doc("The node's identity, role, epoch, chain, height, ports, data directory and uptime.")
                .result(Schema.object("node info (fields: docs/api.md#admin-methods)")).build(), guard,
                p -> AdminJson.nodeInfo(api.nodeInfo())));
        registry.register(guarded(PEERS, doc("Configured and connected peers, and the transport's counters.")
                .result(Schema.object("peers (fields: docs/api.md#admin-methods)")).build(), guard,
                p -> AdminJson.peers(api.peers())));
        registry.register(guarded(MEMPOOL, doc("Pool size, bytes and bounds, and the " + TOP_SENDERS
                        + " senders with the most pending transactions.")
                .result(Schema.object("mempool (fields: docs/api.md#admin-methods)")).build(), guard,
                p -> AdminJson.mempool(api.mempool(TOP_SENDERS))));
        registry.register(guarded(SET_LOG_LEVEL, doc("Sets a logger's level at runtime (until restart); answers the level it had.")
                .param("logger", Schema.pattern("^[A-Za-z0-9_$.-]{1," + LOGGER_NAME_CHARS_MAX + "}$",
                        "a logger name, e.g. io.mutualchain.p2p, or ROOT"), "")
                .param("level", Schema.oneOfStrings("the new level", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF"), "")
                .result(Schema.object("{logger, previous, previousEffective, level}"))
                .build(), guard, p -> AdminJson.logLevel(api.setLogLevel(loggerName(p), level(p)))));
        return registry;
    }

    private static MethodDoc.Builder doc(String summary) {
        return MethodDoc.of("Admin (bearer token): " + summary)
                .error(AdminGuard.TOKEN_REQUIRED, "admin token required")
                .error(AdminGuard.TOKEN_MISMATCH, "admin token does not match");
    }

    private static RpcMethod guarded(String name, MethodDoc doc, AdminGuard guard, RpcMethod.Handler handler) {
        return RpcMethod.described(name, doc, p -> {
            guard.require(p.context(), name);
            return handler.call(p);
        });
    }

    private static String loggerName(Params p) {
        JsonNode v = p.required("logger");
        if (!v.isTextual()) {
            throw RpcError.invalidParam("logger", "must be a string");
        }
        String name = v.textValue();
        if (name.length() > LOGGER_NAME_CHARS_MAX || !LOGGER_NAME.matcher(name).matches()) {
            throw RpcError.invalidParam("logger", "must be 1 to " + LOGGER_NAME_CHARS_MAX
                    + " letters, digits or . _ $ - (a logger name such as io.mutualchain.p2p, or ROOT)");
        }
        return name;
    }

    private static LogLevel level(Params p) {
        JsonNode v = p.required("level");
        if (!v.isTextual()) {
            throw RpcError.invalidParam("level", "must be a string");
        }
        return LogLevel.parse(v.textValue()).orElseThrow(() -> RpcError.invalidParam("level",
                "must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF; was '" + abbreviate(v.textValue()) + "'"));
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "...";
    }
}
