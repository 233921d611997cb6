package io.mutualchain.rpc.methods;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.rpc.jsonrpc.Schema;

/**
 * The JSON Schemas of the chain's value forms (docs/api.md, Conventions) and of the objects the
 * methods answer, for method docs. Objects point at their docs/api.md section rather than repeating
 * every field, so the field list has one home.
 */
final class ChainSchemas {
    private ChainSchemas() {
    }

    static ObjectNode hash(String description) {
        return Schema.pattern("^0x[0-9a-f]{64}$", description);
    }

    static ObjectNode hex(String description) {
        return Schema.pattern("^0x([0-9a-fA-F]{2})*$", description);
    }

    static ObjectNode address(String description) {
        return Schema.pattern("^mc[0-9a-f]{48}$", description);
    }

    static ObjectNode amount(String description) {
        return Schema.pattern("^[0-9]+(\\.[0-9]{1,8})?$", description + " (decimal MTN, never a float)");
    }

    static ObjectNode height(String description) {
        return Schema.integer(description);
    }

    static ObjectNode blockTag() {
        return Schema.anyOf(Schema.integer("a block height"), Schema.oneOfStrings("the latest committed block", "latest"));
    }

    /** An object whose fields the doc page {@code ref} (under docs/, e.g. "api.md#block") lists. */
    static ObjectNode object(String what, String ref) {
        return Schema.object(what + " (fields: docs/" + ref + ")");
    }
}
