package io.mutualchain.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.types.Address;
import io.mutualchain.rpc.jsonrpc.Envelopes;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import io.mutualchain.rpc.methods.NodeMethods;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Java SDK for a node's JSON-RPC API (used by the CLI). Plain {@link HttpClient}, HTTP/1.1,
 * thread-safe. {@link #call} is the general door; the typed methods below decode the results the
 * way {@link JsonViews} renders them. Errors: an {@link RpcException} when the node answered with a
 * JSON-RPC error (for a refused transaction, {@link RpcException#rejectionReason()} is set), an
 * {@link IOException} when it could not be reached or answered something that is not JSON-RPC.
 */
public final class RpcClient {
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Largest response body read; a block with full transactions is well below it. */
    public static final int RESPONSE_BYTES_MAX = 32 << 20;
    /** waitForReceipt polls at this interval first, doubling up to the max. */
    public static final Duration POLL_INTERVAL_MIN = Duration.ofMillis(100);
    public static final Duration POLL_INTERVAL_MAX = Duration.ofSeconds(1);

    private final URI endpoint;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final AtomicLong nextId;
    /** The Authorization header sent with every call, or null. */
    private final String authorization;

    public RpcClient(URI endpoint) {
        this(endpoint, DEFAULT_REQUEST_TIMEOUT);
    }

    public RpcClient(URI endpoint, Duration requestTimeout) {
        this(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(requestTimeout, "requestTimeout"),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build(), new AtomicLong(1), null);
    }

    private RpcClient(URI endpoint, Duration requestTimeout, HttpClient http, AtomicLong nextId, String authorization) {
        this.endpoint = endpoint;
        this.requestTimeout = requestTimeout;
        this.http = http;
        this.nextId = nextId;
        this.authorization = authorization;
    }

    /**
     * A client for the same node that sends {@code Authorization: Bearer token} with every call, as the
     * {@code admin_} methods require. A refused token comes back as an {@link RpcException} with code
     * -32050 (no token) or -32051 (wrong token), whatever the HTTP status (401).
     */
    public RpcClient withBearerToken(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("a bearer token must be a non-empty line of printable characters");
        }
        return new RpcClient(endpoint, requestTimeout, http, nextId, "Bearer " + token);
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * Calls {@code method} with positional params and returns its result (a JSON null for "not
     * found"). Params may be JSON nodes, strings, numbers, booleans, {@link Hash32}, {@link Address}
     * or byte arrays (sent as 0x-hex).
     */
    public JsonNode call(String method, Object... params) throws RpcException, IOException {
        ArrayNode array = JsonCodec.NODES.arrayNode();
        for (Object p : params) {
            array.add(toJson(p));
        }
        return send(method, array);
    }

    /** Calls {@code method} with params by name. */
    public JsonNode callNamed(String method, Map<String, ?> params) throws RpcException, IOException {
        ObjectNode object = JsonCodec.NODES.objectNode();
        params.forEach((k, v) -> object.set(k, toJson(v)));
        return send(method, object);
    }

    private static JsonNode toJson(Object p) {
        if (p instanceof JsonNode n) {
            return n;
        }
        if (p instanceof Hash32 h) {
            return JsonCodec.NODES.textNode(JsonViews.hash(h));
        }
        if (p instanceof Address a) {
            return JsonCodec.NODES.textNode(a.toString());
        }
        if (p instanceof byte[] b) {
            return JsonCodec.NODES.textNode(JsonViews.hex(b));
        }
        return JsonCodec.mapper().valueToTree(p);
    }

    private JsonNode send(String method, JsonNode params) throws RpcException, IOException {
        long id = nextId.getAndIncrement();
        ObjectNode request = JsonCodec.NODES.objectNode();
        request.put("jsonrpc", Envelopes.VERSION);
        request.put("method", method);
        request.set("params", params);
        request.put("id", id);
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JsonCodec.toBytes(request)));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest httpRequest = builder.build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling " + method + " on " + endpoint);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(RESPONSE_BYTES_MAX + 1);
        }
        if (body.length > RESPONSE_BYTES_MAX) {
            throw new IOException(method + ": response from " + endpoint + " is larger than " + RESPONSE_BYTES_MAX + " bytes");
        }
        return decode(method, id, response.statusCode(), body);
    }

    private JsonNode decode(String method, long id, int status, byte[] body) throws RpcException, IOException {
        JsonNode answer = null;
        if (body.length > 0) {
            try {
                answer = JsonCodec.parse(body);
            } catch (JsonProcessingException e) {
                answer = null;
            }
        }
        boolean envelope = answer != null && answer.isObject() && answer.has("jsonrpc");
        if (envelope && answer.has("error")) {
            // 503 "server busy" and 500 carry a JSON-RPC error too; the code says what happened.
            JsonNode err = answer.get("error");
            JsonNode data = err.get("data");
            throw new RpcException(err.path("code").asInt(), err.path("message").asText(), data);
        }
        if (status != 200 || !envelope) {
            String snippet = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).trim();
            throw new IOException(method + ": HTTP " + status + " from " + endpoint + (snippet.isEmpty() ? "" : ": " + snippet));
        }
        if (!answer.path("id").isIntegralNumber() || answer.path("id").longValue() != id) {
            throw new IOException(method + ": response id " + answer.path("id") + " does not match request id " + id);
        }
        if (!answer.has("result")) {
            throw new IOException(method + ": response has neither result nor error");
        }
        return answer.get("result");
    }

    public String chainId() throws RpcException, IOException {
        return text(NodeMethods.CHAIN_ID, call(NodeMethods.CHAIN_ID));
    }

    public long blockNumber() throws RpcException, IOException {
        JsonNode r = call(NodeMethods.BLOCK_NUMBER);
        if (!r.isIntegralNumber() || !r.canConvertToLong()) {
            throw unexpected(NodeMethods.BLOCK_NUMBER, r);
        }
        return r.longValue();
    }

    public AccountInfo account(Address address) throws RpcException, IOException {
        JsonNode r = call(NodeMethods.GET_ACCOUNT, address);
        try {
            return new AccountInfo(Address.parse(r.path("address").asText()),
                    Long.parseLong(r.path("balanceUnits").asText()), r.path("nonce").longValue());
        } catch (IllegalArgumentException e) {
            throw unexpected(NodeMethods.GET_ACCOUNT, r);
        }
    }

    /** Sends signed transaction bytes; returns the id the node computed. A refusal is an RpcException with a rejection reason. */
    public Hash32 sendRawTransaction(byte[] raw) throws RpcException, IOException {
        return hash(NodeMethods.SEND_RAW_TRANSACTION, call(NodeMethods.SEND_RAW_TRANSACTION, raw));
    }

    public Hash32 sendTransaction(Transaction tx) throws RpcException, IOException {
        return sendRawTransaction(tx.encode());
    }

    public Optional<JsonNode> receipt(Hash32 txId) throws RpcException, IOException {
        return present(call(NodeMethods.GET_RECEIPT, txId));
    }

    public Optional<JsonNode> transaction(Hash32 txId) throws RpcException, IOException {
        return present(call(NodeMethods.GET_TRANSACTION, txId));
    }

    public Optional<JsonNode> block(long height) throws RpcException, IOException {
        return block(height, false);
    }

    public Optional<JsonNode> block(long height, boolean fullTransactions) throws RpcException, IOException {
        return present(call(NodeMethods.GET_BLOCK_BY_NUMBER, height, fullTransactions));
    }

    public Optional<JsonNode> latestBlock(boolean fullTransactions) throws RpcException, IOException {
        return present(call(NodeMethods.GET_BLOCK_BY_NUMBER, "latest", fullTransactions));
    }

    public Optional<JsonNode> blockByHash(Hash32 hash, boolean fullTransactions) throws RpcException, IOException {
        return present(call(NodeMethods.GET_BLOCK_BY_HASH, hash, fullTransactions));
    }

    /** An asset with its history (first page), or empty if it does not exist. */
    public Optional<JsonNode> asset(Hash32 id) throws RpcException, IOException {
        return present(call(NodeMethods.GET_ASSET, id));
    }

    public JsonNode supply() throws RpcException, IOException {
        return call(NodeMethods.GET_SUPPLY);
    }

    /** A proof of an account ({@code kind} "account", id an Address) or an asset ("asset", id a Hash32). */
    public ProofView proof(String kind, Object id) throws RpcException, IOException {
        try {
            return ChainJson.proof(call(NodeMethods.GET_PROOF, kind, id));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException(NodeMethods.GET_PROOF + ": unexpected result: " + e.getMessage());
        }
    }

    /** {@code mc_getValidators}: the set in force at the next height, with the approved next set (see docs/api.md). */
    public JsonNode validators() throws RpcException, IOException {
        return call(NodeMethods.GET_VALIDATORS);
    }

    /** {@code mc_getValidators} at {@code height} (1 to the tip + 1). */
    public JsonNode validators(long height) throws RpcException, IOException {
        return call(NodeMethods.GET_VALIDATORS, height);
    }

    /**
     * {@code mc_getValidatorHandovers} from {@code fromBase}: at most {@link NodeMethods#HANDOVERS_PAGE_MAX}
     * hand-overs, oldest first; call again from the last base + 1 for more. Check them with
     * {@link io.mutualchain.rpc.proof.ValidatorSetChain#verify} before trusting any set they name.
     */
    public List<HandoverView> validatorHandovers(long fromBase) throws RpcException, IOException {
        JsonNode r = call(NodeMethods.GET_VALIDATOR_HANDOVERS, fromBase);
        if (!r.isArray()) {
            throw unexpected(NodeMethods.GET_VALIDATOR_HANDOVERS, r);
        }
        List<HandoverView> out = new ArrayList<>(r.size());
        try {
            for (JsonNode h : r) {
                out.add(ChainJson.handover(h));
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException(NodeMethods.GET_VALIDATOR_HANDOVERS + ": unexpected result: " + e.getMessage());
        }
        return out;
    }

    public JsonNode status() throws RpcException, IOException {
        return call(NodeMethods.STATUS);
    }

    public JsonNode health() throws RpcException, IOException {
        return call(NodeMethods.HEALTH);
    }

    /**
     * Polls {@code mc_getReceipt} until the receipt exists or {@code timeout} passes, starting at
     * {@link #POLL_INTERVAL_MIN} and backing off to {@link #POLL_INTERVAL_MAX}.
     *
     * @throws ReceiptTimeoutException when no receipt appeared in time
     */
    public JsonNode waitForReceipt(Hash32 txId, Duration timeout) throws RpcException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long intervalMs = POLL_INTERVAL_MIN.toMillis();
        while (true) {
            Optional<JsonNode> r = receipt(txId);
            if (r.isPresent()) {
                return r.get();
            }
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new ReceiptTimeoutException(txId, timeout);
            }
            try {
                Thread.sleep(Math.min(intervalMs, leftMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the receipt of " + txId);
            }
            intervalMs = Math.min(intervalMs * 2, POLL_INTERVAL_MAX.toMillis());
        }
    }

    private static Optional<JsonNode> present(JsonNode r) {
        return r == null || r.isNull() ? Optional.empty() : Optional.of(r);
    }

    private static String text(String method, JsonNode r) throws IOException {
        if (!r.isTextual()) {
            throw unexpected(method, r);
        }
        return r.textValue();
    }

    private static Hash32 hash(String method, JsonNode r) throws IOException {
        String t = text(method, r);
        try {
            return Hash32.of(Hex.decode(t));
        } catch (IllegalArgumentException e) {
            throw unexpected(method, r);
        }
    }

    private static IOException unexpected(String method, JsonNode r) {
        String shown = JsonCodec.toText(r);
        return new IOException(method + ": unexpected result " + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown));
    }
}
