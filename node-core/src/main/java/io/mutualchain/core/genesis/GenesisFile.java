package io.mutualchain.core.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of genesis. Amounts are decimal MTN strings (never JSON numbers, which many tools
 * read as floating point). Every problem is reported as an {@link IOException} naming the field.
 *
 * <pre>{
 *   "chainId": "mutualchain-dev",
 *   "genesisTime": 1764000000000,
 *   "validators": [{"name": "node0", "publicKey": "…64 hex…"}],
 *   "allocations": [{"address": "mc…", "amount": "400000000"}],
 *   "params": {"baseFee": "0.0001", "maxTxBytes": 65536, "maxBlockTxs": 5000,
 *              "maxBlockBytes": 8388608, "checkpointInterval": 100, "watermarkWindow": 200}
 * }</pre>
 */
public final class GenesisFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GenesisFile() {
    }

    public static Genesis read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("genesis file " + file + " is not valid JSON: " + e.getMessage());
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new IOException("genesis file " + file + ": " + e.getMessage());
        }
    }

    public static Genesis fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("genesis must be a JSON object");
        }
        List<Validator> validators = new ArrayList<>();
        for (JsonNode v : array(root, "validators")) {
            validators.add(new Validator(text(v, "name"), PublicKey.fromHex(text(v, "publicKey"))));
        }
        List<Allocation> allocations = new ArrayList<>();
        for (JsonNode a : array(root, "allocations")) {
            allocations.add(new Allocation(Address.parse(text(a, "address")), Mtn.parse(text(a, "amount"))));
        }
        JsonNode p = root.path("params");
        ChainParams d = ChainParams.DEFAULT;
        ChainParams params = new ChainParams(
                p.has("baseFee") ? Mtn.parse(p.get("baseFee").asText()) : d.baseFee(),
                p.path("maxTxBytes").asInt(d.maxTxBytes()),
                p.path("maxBlockTxs").asInt(d.maxBlockTxs()),
                p.path("maxBlockBytes").asInt(d.maxBlockBytes()),
                p.path("checkpointInterval").asInt(d.checkpointInterval()),
                p.path("watermarkWindow").asInt(d.watermarkWindow()));
        JsonNode time = root.get("genesisTime");
        if (time == null || !time.canConvertToLong()) {
            throw new IllegalArgumentException("genesisTime (milliseconds since 1970) is missing");
        }
        return new Genesis(text(root, "chainId"), time.asLong(), validators, allocations, params);
    }

    public static ObjectNode toJson(Genesis g) {
        ObjectNode root = JSON.createObjectNode();
        root.put("chainId", g.chainId());
        root.put("genesisTime", g.genesisTimeMs());
        ArrayNode vs = root.putArray("validators");
        for (Validator v : g.validators()) {
            vs.addObject().put("name", v.name()).put("publicKey", v.publicKey().toHex());
        }
        ArrayNode as = root.putArray("allocations");
        for (Allocation a : g.allocations()) {
            as.addObject().put("address", a.address().toString()).put("amount", Mtn.format(a.amount()));
        }
        ChainParams p = g.params();
        root.putObject("params")
                .put("baseFee", Mtn.format(p.baseFee()))
                .put("maxTxBytes", p.maxTxBytes())
                .put("maxBlockTxs", p.maxBlockTxs())
                .put("maxBlockBytes", p.maxBlockBytes())
                .put("checkpointInterval", p.checkpointInterval())
                .put("watermarkWindow", p.watermarkWindow());
        return root;
    }

    public static void write(Path file, Genesis g) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(g)) + "\n");
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isArray()) {
            throw new IllegalArgumentException(field + " must be a JSON array");
        }
        return n;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return v.asText();
    }
}
