package io.mutualchain.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small JSON Schema (draft 7, as OpenRPC 1.2 uses) builders for method docs. Each call returns a new
 * tree, so a caller may add a description or properties without touching anyone else's schema.
 */
public final class Schema {
    private Schema() {
    }

    /** Any JSON value. */
    public static ObjectNode any() {
        return JsonCodec.NODES.objectNode();
    }

    public static ObjectNode type(String type, String description) {
        ObjectNode o = JsonCodec.NODES.objectNode().put("type", type);
        if (!description.isEmpty()) {
            o.put("description", description);
        }
        return o;
    }

    public static ObjectNode string(String description) {
        return type("string", description);
    }

    /** A string matching {@code pattern}. */
    public static ObjectNode pattern(String pattern, String description) {
        return string(description).put("pattern", pattern);
    }

    /** One of the given strings. */
    public static ObjectNode oneOfStrings(String description, String... values) {
        ObjectNode o = string(description);
        ArrayNode e = o.putArray("enum");
        for (String v : values) {
            e.add(v);
        }
        return o;
    }

    public static ObjectNode integer(String description) {
        return type("integer", description).put("minimum", 0);
    }

    public static ObjectNode bool(String description) {
        return type("boolean", description);
    }

    public static ObjectNode object(String description) {
        return type("object", description);
    }

    public static ObjectNode array(JsonNode items, String description) {
        ObjectNode o = type("array", description);
        o.set("items", items);
        return o;
    }

    /** {@code schema} or JSON null (a lookup that found nothing). */
    public static ObjectNode nullable(JsonNode schema) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        ArrayNode one = o.putArray("oneOf");
        one.add(schema);
        one.add(JsonCodec.NODES.objectNode().put("type", "null"));
        return o;
    }

    /** Any of the given schemas. */
    public static ObjectNode anyOf(JsonNode... schemas) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        ArrayNode any = o.putArray("anyOf");
        for (JsonNode s : schemas) {
            any.add(s);
        }
        return o;
    }
}
