package io.mutualchain.rpc.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.types.Address;
import io.mutualchain.rpc.jsonrpc.MethodDoc;
import io.mutualchain.rpc.jsonrpc.MethodRegistry;
import io.mutualchain.rpc.jsonrpc.Params;
import io.mutualchain.rpc.jsonrpc.RpcError;
import io.mutualchain.rpc.jsonrpc.RpcMethod;
import io.mutualchain.rpc.jsonrpc.Schema;
import java.util.Optional;

/**
 * {@code mc_subscribe} and {@code mc_unsubscribe}. They need the connection's {@link Subscriptions},
 * which only the WebSocket transport provides; over HTTP they answer {@link #NEEDS_WEBSOCKET}.
 */
public final class SubscriptionMethods {
    public static final String SUBSCRIBE = "mc_subscribe";
    public static final String UNSUBSCRIBE = "mc_unsubscribe";
    /** Error of mc_subscribe / mc_unsubscribe on a transport without a connection (HTTP). */
    public static final int NEEDS_WEBSOCKET = -32040;
    /** Error of mc_subscribe when the connection already has its maximum of subscriptions. */
    public static final int TOO_MANY_SUBSCRIPTIONS = -32041;
    private static final String HEX_ID = "^0x[0-9a-f]{16}$";

    private SubscriptionMethods() {
    }

    public static MethodRegistry register(MethodRegistry registry) {
        registry.register(RpcMethod.described(SUBSCRIBE, MethodDoc.of("Subscribes this WebSocket connection to a topic; "
                        + "notifications arrive as mc_subscription with params {subscription, result}.")
                .param("topic", Schema.oneOfStrings("what to follow", "newBlocks", "contractEvents", "assetChanges"), "")
                .optional("contract", Schema.pattern("^mc[0-9a-f]{48}$", "contractEvents: only this contract's events"), "")
                .optional("asset", Schema.pattern("^0x[0-9a-f]{64}$", "assetChanges: only this asset"), "")
                .optional("owner", Schema.pattern("^mc[0-9a-f]{48}$", "assetChanges: only assets this address owns, sends or receives"), "")
                .result(Schema.pattern(HEX_ID, "subscription id"))
                .error(NEEDS_WEBSOCKET, "subscriptions need a WebSocket connection")
                .error(TOO_MANY_SUBSCRIPTIONS, "the connection has its maximum of subscriptions")
                .build(), SubscriptionMethods::subscribe));
        registry.register(RpcMethod.described(UNSUBSCRIBE, MethodDoc.of("Ends a subscription of this connection; false if it had none with this id.")
                .param("id", Schema.pattern(HEX_ID, "subscription id"), "")
                .result(Schema.bool("whether a subscription ended"))
                .error(NEEDS_WEBSOCKET, "subscriptions need a WebSocket connection")
                .build(), SubscriptionMethods::unsubscribe));
        return registry;
    }

    private static Subscriptions session(Params p) {
        return p.context().session(Subscriptions.class).orElseThrow(() -> new RpcError(NEEDS_WEBSOCKET,
                "subscriptions need a WebSocket connection: connect to ws://host:port/ws and call " + p.methodName() + " there", null));
    }

    private static JsonNode subscribe(Params p) {
        Subscriptions s = session(p);
        return TextNode.valueOf(s.subscribe(filter(p)));
    }

    private static JsonNode unsubscribe(Params p) {
        Subscriptions s = session(p);
        JsonNode id = p.required("id");
        if (!id.isTextual()) {
            throw RpcError.invalidParam("id", "must be a subscription id string");
        }
        return BooleanNode.valueOf(s.unsubscribe(id.textValue()));
    }

    static SubscriptionFilter filter(Params p) {
        JsonNode t = p.required("topic");
        Topic topic = Optional.of(t).filter(JsonNode::isTextual).flatMap(v -> Topic.byWireName(v.textValue()))
                .orElseThrow(() -> RpcError.invalidParam("topic", "must be \"newBlocks\", \"contractEvents\" or \"assetChanges\""));
        Address contract = p.optional("contract").map(v -> address("contract", v)).orElse(null);
        Hash32 asset = p.optional("asset").map(v -> hash("asset", v)).orElse(null);
        Address owner = p.optional("owner").map(v -> address("owner", v)).orElse(null);
        if (contract != null && topic != Topic.CONTRACT_EVENTS) {
            throw RpcError.invalidParam("contract", "filters the contractEvents topic only");
        }
        if (asset != null && topic != Topic.ASSET_CHANGES) {
            throw RpcError.invalidParam("asset", "filters the assetChanges topic only");
        }
        if (owner != null && topic != Topic.ASSET_CHANGES) {
            throw RpcError.invalidParam("owner", "filters the assetChanges topic only");
        }
        return new SubscriptionFilter(topic, contract, asset, owner);
    }

    private static Address address(String param, JsonNode v) {
        try {
            if (!v.isTextual()) {
                throw new IllegalArgumentException("not a string");
            }
            return Address.parse(v.textValue());
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidParam(param, "is not a valid address: " + e.getMessage());
        }
    }

    private static Hash32 hash(String param, JsonNode v) {
        String text = v.isTextual() ? v.textValue() : "";
        if (!text.matches("^0x[0-9a-fA-F]{64}$")) {
            throw RpcError.invalidParam(param, "must be 0x followed by 64 hex digits");
        }
        return Hash32.fromHex(text.substring(2));
    }
}
