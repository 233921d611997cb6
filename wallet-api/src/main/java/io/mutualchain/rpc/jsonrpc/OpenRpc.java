package io.mutualchain.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code rpc.discover}: an OpenRPC 1.2 document generated from the {@link MethodRegistry} at call
 * time, so every method registered (including ones the daemon adds late) is described by the doc it
 * was registered with. The document says {@code paramStructure: "either"} because every method takes
 * its params by position or by name.
 */
public final class OpenRpc {
    /** The OpenRPC specification version the document follows. */
    public static final String SPEC_VERSION = "1.2.6";

    private OpenRpc() {
    }

    /** Registers {@code rpc.discover} on {@code registry}, describing the service as {@code title} {@code version}. */
    public static MethodRegistry register(MethodRegistry registry, String title, String version) {
        MethodDoc doc = MethodDoc.of("Returns this server's OpenRPC document: every method with its params, result and errors.")
                .result(Schema.object("an OpenRPC " + SPEC_VERSION + " document"))
                .build();
        return registry.register(RpcMethod.described(RpcMethod.DISCOVER, doc, p -> document(registry, title, version)));
    }

    public static ObjectNode document(MethodRegistry registry, String title, String version) {
        ObjectNode d = JsonCodec.NODES.objectNode();
        d.put("openrpc", SPEC_VERSION);
        d.putObject("info").put("title", title).put("version", version);
        ArrayNode methods = d.putArray("methods");
        for (RpcMethod m : registry.methods()) {
            methods.add(method(m));
        }
        return d;
    }

    private static ObjectNode method(RpcMethod m) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("name", m.name());
        if (!m.doc().summary().isEmpty()) {
            o.put("summary", m.doc().summary());
        }
        o.put("paramStructure", "either");
        ArrayNode params = o.putArray("params");
        for (MethodDoc.ParamDoc p : m.doc().params()) {
            ObjectNode po = params.addObject();
            po.put("name", p.name());
            if (!p.description().isEmpty()) {
                po.put("description", p.description());
            }
            po.put("required", p.required());
            po.set("schema", p.schema().deepCopy());
        }
        ObjectNode result = o.putObject("result");
        result.put("name", "result");
        result.set("schema", m.doc().result().deepCopy());
        if (!m.doc().errors().isEmpty()) {
            ArrayNode errors = o.putArray("errors");
            for (MethodDoc.ErrorDoc e : m.doc().errors()) {
                errors.addObject().put("code", e.code()).put("message", e.message());
            }
        }
        return o;
    }
}
