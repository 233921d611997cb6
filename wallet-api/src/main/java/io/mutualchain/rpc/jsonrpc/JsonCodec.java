package io.mutualchain.rpc.jsonrpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration used on both sides of the API. Parsing is strict (duplicate keys,
 * trailing tokens and deep nesting are refused) because a lenient parser lets two nodes or two
 * clients read one body two ways. Non-integers are read as exact decimals, never as doubles.
 */
public final class JsonCodec {
    /** Deepest nesting of arrays and objects accepted in a request; no method needs more than 4. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** Builds response trees; numbers keep exactly the value given (no decimal normalisation). */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectMapper MAPPER = build();

    private JsonCodec() {
    }

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.disable(SerializationFeature.INDENT_OUTPUT);
        mapper.setNodeFactory(NODES);
        // An id such as 1.50 must come back as 1.50: echo numbers exactly as they were read.
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses one JSON text; an empty body is a parse error, not a missing value. */
    public static JsonNode parse(byte[] body) throws JsonProcessingException {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new JsonParseFailure("the body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            // readTree(byte[]) does no I/O; anything else it throws is still malformed input.
            throw new JsonParseFailure(e.getMessage());
        }
    }

    public static byte[] toBytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toText(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toPrettyText(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body that is not one complete JSON text. */
    static final class JsonParseFailure extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        JsonParseFailure(String message) {
            super(message);
        }
    }
}
