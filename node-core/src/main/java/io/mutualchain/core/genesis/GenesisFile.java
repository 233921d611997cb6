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
 *              "maxBlockBytes": 8388608, "checkpointInterval": 100, "watermarkWindow": 200,
 *              "gasPrice": 1, "blockGasLimit": 20000000, "clockPrecisionMs": 500, "messageDelayMs": 3000},
 *   "roles": [{"address": "mc…", "role": "GATEWAY"}],
 *   "vesting": [{"address": "mc…", "amount": "80000000", "cliffEndMs": 1795536000000, "releaseMs": 63072000000}],
 *   "committee": {"threshold": 2, "members": ["…64 hex…", "…"], "address": "mc… (derived, informative)"},
 *   "members": {"joinFeeMin": "1", "dailyLimitLevel1": "10000", "dailyLimitLevel2": "1000000"}
 * }</pre>
 * {@code gasPrice} is in base units per gas (an integer, default 1); {@code blockGasLimit} bounds the gas limits of
 * a block's contract transactions together (an integer, default {@link ChainParams#DEFAULT_BLOCK_GAS_LIMIT}).
 * {@code clockPrecisionMs} and {@code messageDelayMs} set the window of the block-time rule (defaults 500 and 3000,
 * see {@link ChainParams}). The last four are optional (no roles, no vesting, no committee, default member parameters).
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
                p.path("watermarkWindow").asInt(d.watermarkWindow()),
                p.has("gasPrice") ? longField(p, "gasPrice") : d.gasPrice(),
                p.has("blockGasLimit") ? longField(p, "blockGasLimit") : d.blockGasLimit(),
                p.has("clockPrecisionMs") ? intField(p, "clockPrecisionMs") : d.clockPrecisionMs(),
                p.has("messageDelayMs") ? intField(p, "messageDelayMs") : d.messageDelayMs());
        JsonNode time = root.get("genesisTime");
        if (time == null || !time.canConvertToLong()) {
            throw new IllegalArgumentException("genesisTime (milliseconds since 1970) is missing");
        }
        return new Genesis(text(root, "chainId"), time.asLong(), validators, allocations, params, setupFromJson(root));
    }

    private static LedgerSetup setupFromJson(JsonNode root) {
        List<RoleGrant> roles = new ArrayList<>();
        if (root.has("roles")) {
            for (JsonNode r : array(root, "roles")) {
                roles.add(new RoleGrant(Address.parse(text(r, "address")), Role.parse(text(r, "role"))));
            }
        }
        List<VestingSchedule> vesting = new ArrayList<>();
        if (root.has("vesting")) {
            for (JsonNode v : array(root, "vesting")) {
                vesting.add(new VestingSchedule(Address.parse(text(v, "address")), Mtn.parse(text(v, "amount")),
                        longField(v, "cliffEndMs"), longField(v, "releaseMs")));
            }
        }
        Committee committee = Committee.NONE;
        if (root.has("committee")) {
            JsonNode c = root.get("committee");
            List<PublicKey> members = new ArrayList<>();
            for (JsonNode m : array(c, "members")) {
                if (!m.isTextual()) {
                    throw new IllegalArgumentException("committee.members must be public keys in hex");
                }
                members.add(PublicKey.fromHex(m.asText()));
            }
            committee = new Committee((int) longField(c, "threshold"), members);
        }
        JsonNode m = root.path("members");
        MemberParams d = MemberParams.DEFAULT;
        MemberParams members = new MemberParams(
                m.has("joinFeeMin") ? Mtn.parse(text(m, "joinFeeMin")) : d.joinFeeMin(),
                m.has("dailyLimitLevel1") ? Mtn.parse(text(m, "dailyLimitLevel1")) : d.dailyLimitLevel1(),
                m.has("dailyLimitLevel2") ? Mtn.parse(text(m, "dailyLimitLevel2")) : d.dailyLimitLevel2());
        return new LedgerSetup(roles, vesting, committee, members);
    }

    private static long longField(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return v.asLong();
    }

    private static int intField(JsonNode n, String field) {
        long v = longField(n, field);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " is out of range");
        }
        return (int) v;
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
                .put("watermarkWindow", p.watermarkWindow())
                .put("gasPrice", p.gasPrice())
                .put("blockGasLimit", p.blockGasLimit())
                .put("clockPrecisionMs", p.clockPrecisionMs())
                .put("messageDelayMs", p.messageDelayMs());
        LedgerSetup s = g.setup();
        ArrayNode roles = root.putArray("roles");
        for (RoleGrant r : s.roles()) {
            roles.addObject().put("address", r.address().toString()).put("role", r.role().name());
        }
        ArrayNode vesting = root.putArray("vesting");
        for (VestingSchedule v : s.vesting()) {
            vesting.addObject().put("address", v.address().toString()).put("amount", Mtn.format(v.amount()))
                    .put("cliffEndMs", v.cliffEndMs()).put("releaseMs", v.releaseMs());
        }
        ObjectNode committee = root.putObject("committee");
        committee.put("threshold", s.committee().threshold());
        ArrayNode members = committee.putArray("members");
        s.committee().members().forEach(k -> members.add(k.toHex()));
        committee.put("address", s.committee().address().toString());
        root.putObject("members")
                .put("joinFeeMin", Mtn.format(s.members().joinFeeMin()))
                .put("dailyLimitLevel1", Mtn.format(s.members().dailyLimitLevel1()))
                .put("dailyLimitLevel2", Mtn.format(s.members().dailyLimitLevel2()));
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
