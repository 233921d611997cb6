package io.mutualchain.rpc.jsonrpc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one request body into at most one response body, following JSON-RPC 2.0 to the letter:
 * <ul>
 *   <li>a body that is not JSON gets -32700 with id null;</li>
 *   <li>a value that is not a valid request object gets -32600; its id is echoed when it is a valid
 *       id, else null;</li>
 *   <li>a notification (no {@code id} member at all) is executed and never answered, even when it
 *       fails; {@code "id": null} is a request, not a notification, and is answered with id null;</li>
 *   <li>a batch is answered with an array of the non-notification answers, or nothing when all were
 *       notifications; an empty batch or one larger than {@code maxBatch} gets one -32600 object.</li>
 * </ul>
 * Never throws: a failing method becomes -32603 whose message carries a reference number that is
 * also in the server log beside the stack trace, which never reaches the caller.
 */
public final class JsonRpcDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
    /** Longest parser message passed back in a -32700; parser messages quote the input. */
    private static final int PARSE_MESSAGE_CHARS_MAX = 200;

    private final MethodRegistry registry;
    private final int maxBatch;
    private final AtomicLong internalErrorRefs = new AtomicLong();

    public JsonRpcDispatcher(MethodRegistry registry, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.registry = registry;
        this.maxBatch = maxBatch;
    }

    /** The response to send, or empty when nothing must be sent (notifications only). */
    public Optional<JsonNode> handle(byte[] body) {
        return handle(body, CallContext.NONE);
    }

    /** As {@link #handle(byte[])}, for a call that came on a connection with {@code context}. */
    public Optional<JsonNode> handle(byte[] body, CallContext context) {
        JsonNode parsed;
        try {
            parsed = JsonCodec.parse(body);
        } catch (JsonProcessingException e) {
            return Optional.of(Envelopes.error(NullNode.instance, ErrorCode.PARSE_ERROR, "Parse error: " + describe(e)));
        }
        return handle(parsed, context);
    }

    public Optional<JsonNode> handle(JsonNode parsed) {
        return handle(parsed, CallContext.NONE);
    }

    public Optional<JsonNode> handle(JsonNode parsed, CallContext context) {
        if (!parsed.isArray()) {
            return handleOne(parsed, context);
        }
        if (parsed.isEmpty()) {
            return Optional.of(Envelopes.error(NullNode.instance, ErrorCode.INVALID_REQUEST, "Invalid Request: the batch is empty"));
        }
        if (parsed.size() > maxBatch) {
            return Optional.of(Envelopes.error(NullNode.instance, ErrorCode.INVALID_REQUEST.code(),
                    "Invalid Request: a batch of " + parsed.size() + " requests is over the limit of " + maxBatch,
                    JsonCodec.NODES.objectNode().put("maxBatch", maxBatch)));
        }
        ArrayNode answers = JsonCodec.NODES.arrayNode();
        for (JsonNode request : parsed) {
            handleOne(request, context).ifPresent(answers::add);
        }
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers);
    }

    private Optional<JsonNode> handleOne(JsonNode request, CallContext context) {
        if (!request.isObject()) {
            return invalid(NullNode.instance, "a request must be a JSON object");
        }
        JsonNode id = request.get("id");
        boolean notification = id == null;
        if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
            return invalid(NullNode.instance, "'id' must be a string, a number or null");
        }
        JsonNode replyId = id == null ? NullNode.instance : id;
        JsonNode version = request.get("jsonrpc");
        if (version == null || !version.isTextual() || !Envelopes.VERSION.equals(version.textValue())) {
            return invalid(replyId, "'jsonrpc' must be exactly \"2.0\"");
        }
        JsonNode method = request.get("method");
        if (method == null || !method.isTextual() || method.textValue().isEmpty()) {
            return invalid(replyId, "'method' must be a non-empty string");
        }
        JsonNode params = request.get("params");
        if (params != null && !(params.isArray() || params.isObject())) {
            return invalid(replyId, "'params' must be an array or an object");
        }
        JsonNode answer = call(method.textValue(), params, replyId, context);
        return notification ? Optional.empty() : Optional.of(answer);
    }

    private JsonNode call(String name, JsonNode params, JsonNode replyId, CallContext context) {
        Optional<RpcMethod> method = registry.find(name);
        if (method.isEmpty()) {
            return Envelopes.error(replyId, ErrorCode.METHOD_NOT_FOUND, "Method not found: " + abbreviate(name));
        }
        try {
            Params bound = Params.bind(method.get(), params, context);
            return Envelopes.result(replyId, method.get().handler().call(bound));
        } catch (RpcError e) {
            return Envelopes.error(replyId, e);
        } catch (RuntimeException e) {
            long ref = internalErrorRefs.incrementAndGet();
            LOG.error("JSON-RPC method {} failed (internal error ref {})", name, ref, e);
            return Envelopes.error(replyId, ErrorCode.INTERNAL_ERROR.code(),
                    "Internal error (ref " + ref + "; see the node log)", JsonCodec.NODES.objectNode().put("ref", ref));
        }
    }

    private static Optional<JsonNode> invalid(JsonNode replyId, String why) {
        return Optional.of(Envelopes.error(replyId, ErrorCode.INVALID_REQUEST, "Invalid Request: " + why));
    }

    private static String describe(JsonProcessingException e) {
        String what = abbreviate((e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage()).replace('\n', ' '));
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            what = what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return what;
    }

    private static String abbreviate(String s) {
        return s.length() <= PARSE_MESSAGE_CHARS_MAX ? s : s.substring(0, PARSE_MESSAGE_CHARS_MAX) + "...";
    }
}
