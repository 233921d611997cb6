package io.mutualchain.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The methods the JSON-RPC 2.0 specification's examples call (subtract, sum, get_data, update,
 * notify_hello, notify_sum). Test scope only: they exist to run the specification's vectors through
 * the real server, and never ship.
 */
public final class SpecFixtureMethods {
    private SpecFixtureMethods() {
    }

    public static MethodRegistry registry() {
        MethodRegistry r = new MethodRegistry();
        r.register(RpcMethod.of("subtract", List.of("minuend", "subtrahend"), 2,
                p -> number(number("minuend", p.required("minuend")).subtract(number("subtrahend", p.required("subtrahend"))))));
        r.register(RpcMethod.variadic("sum", p -> {
            JsonNode raw = p.raw();
            if (raw == null || !raw.isArray()) {
                throw RpcError.invalidParams("sum takes an array of numbers");
            }
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < raw.size(); i++) {
                total = total.add(number(Integer.toString(i), raw.get(i)));
            }
            return number(total);
        }));
        r.register(RpcMethod.noParams("get_data", p -> JsonCodec.NODES.arrayNode().add("hello").add(5)));
        for (String name : List.of("update", "notify_hello", "notify_sum")) {
            r.register(RpcMethod.variadic(name, p -> NullNode.instance));
        }
        return r;
    }

    private static BigDecimal number(String param, JsonNode v) {
        if (!v.isNumber()) {
            throw RpcError.invalidParam(param, "must be a number");
        }
        return v.decimalValue();
    }

    private static JsonNode number(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() <= 0 ? JsonCodec.NODES.numberNode(s.toBigIntegerExact()) : JsonCodec.NODES.numberNode(s);
    }
}
