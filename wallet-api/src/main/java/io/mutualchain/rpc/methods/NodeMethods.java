package io.mutualchain.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.tx.TxRejectedException;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.rpc.BlockView;
import io.mutualchain.rpc.HandoverView;
import io.mutualchain.rpc.JsonViews;
import io.mutualchain.rpc.NodeApi;
import io.mutualchain.rpc.TxRejectionCodes;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import io.mutualchain.rpc.jsonrpc.MethodDoc;
import io.mutualchain.rpc.jsonrpc.MethodRegistry;
import io.mutualchain.rpc.jsonrpc.Params;
import io.mutualchain.rpc.jsonrpc.RpcError;
import io.mutualchain.rpc.jsonrpc.RpcMethod;
import io.mutualchain.rpc.jsonrpc.Schema;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Registers the {@code mc_} methods over a {@link NodeApi}. Param names (for calls by name) are the
 * ones listed in each registration and in docs/api.md; unknown blocks, transactions and receipts
 * answer {@code null}, not an error, so a wallet can poll for a receipt without catching anything.
 */
public final class NodeMethods {
    public static final String CHAIN_ID = "mc_chainId";
    public static final String BLOCK_NUMBER = "mc_blockNumber";
    public static final String GET_BLOCK_BY_NUMBER = "mc_getBlockByNumber";
    public static final String GET_BLOCK_BY_HASH = "mc_getBlockByHash";
    public static final String GET_TRANSACTION = "mc_getTransaction";
    public static final String GET_RECEIPT = "mc_getReceipt";
    public static final String SEND_RAW_TRANSACTION = "mc_sendRawTransaction";
    public static final String GET_ACCOUNT = "mc_getAccount";
    public static final String STATUS = "mc_status";
    public static final String HEALTH = "mc_health";
    public static final String GET_ASSET = "mc_getAsset";
    public static final String GET_SUPPLY = "mc_getSupply";
    public static final String GET_PROOF = "mc_getProof";
    public static final String GET_VALIDATORS = "mc_getValidators";
    public static final String GET_VALIDATOR_HANDOVERS = "mc_getValidatorHandovers";
    public static final String CALL = ContractMethods.CALL;
    public static final String ESTIMATE_GAS = ContractMethods.ESTIMATE_GAS;
    public static final String GET_CONTRACT = ContractMethods.GET_CONTRACT;
    /** Most history records one mc_getAsset answer carries; page with historyFrom. */
    public static final int HISTORY_PAGE_MAX = 1_000;
    /** Most hand-overs one mc_getValidatorHandovers answer carries (each is a few KiB); page with fromBase. */
    public static final int HANDOVERS_PAGE_MAX = 64;

    private final NodeApi api;

    private NodeMethods(NodeApi api) {
        this.api = api;
    }

    /** Adds every {@code mc_} method to {@code registry}, served by {@code api}. */
    public static MethodRegistry registerAll(MethodRegistry registry, NodeApi api) {
        NodeMethods m = new NodeMethods(api);
        registry.register(RpcMethod.described(CHAIN_ID, MethodDoc.of("The chain id this node serves.")
                .result(Schema.string("chain id")).build(), p -> TextNode.valueOf(api.chainId())));
        registry.register(RpcMethod.described(BLOCK_NUMBER, MethodDoc.of("Height of the latest committed block (0 before the first).")
                .result(ChainSchemas.height("height")).build(), p -> JsonCodec.NODES.numberNode(api.blockNumber())));
        registry.register(RpcMethod.described(GET_BLOCK_BY_NUMBER, MethodDoc.of("A committed block by height, or null.")
                .param("height", ChainSchemas.blockTag(), "a height or \"latest\"")
                .optional("fullTransactions", Schema.bool("full transaction objects instead of ids (default false)"), "")
                .result(Schema.nullable(ChainSchemas.object("block", "api.md#block"))).build(), m::blockByNumber));
        registry.register(RpcMethod.described(GET_BLOCK_BY_HASH, MethodDoc.of("A committed block by hash, or null.")
                .param("hash", ChainSchemas.hash("block hash"), "")
                .optional("fullTransactions", Schema.bool("full transaction objects instead of ids (default false)"), "")
                .result(Schema.nullable(ChainSchemas.object("block", "api.md#block"))).build(), m::blockByHash));
        registry.register(RpcMethod.described(GET_TRANSACTION, MethodDoc.of("A committed transaction with its position, or null.")
                .param("txId", ChainSchemas.hash("transaction id"), "")
                .result(Schema.nullable(ChainSchemas.object("transaction", "api.md#transaction"))).build(), m::transaction));
        registry.register(RpcMethod.described(GET_RECEIPT, MethodDoc.of("The receipt of a committed transaction, or null.")
                .param("txId", ChainSchemas.hash("transaction id"), "")
                .result(Schema.nullable(ChainSchemas.object("receipt", "api.md#receipt"))).build(), m::receipt));
        registry.register(RpcMethod.described(SEND_RAW_TRANSACTION, MethodDoc.of("Admits a signed transaction to the mempool.")
                .param("raw", ChainSchemas.hex("the canonical transaction bytes"), "")
                .result(ChainSchemas.hash("transaction id"))
                .error(TxRejectionCodes.FIRST, "the transaction is refused; codes " + TxRejectionCodes.FIRST + " to " + TxRejectionCodes.LAST + ", data.reason names why (docs/api.md#transaction-refusals)")
                .build(), m::sendRawTransaction));
        registry.register(RpcMethod.described(GET_ACCOUNT, MethodDoc.of("An account's committed balance, nonce, level, roles and locked MTN.")
                .param("address", ChainSchemas.address("account address"), "")
                .result(ChainSchemas.object("account", "api.md#account")).build(),
                p -> JsonViews.account(api.account(ParamReaders.address("address", p.required("address"))))));
        registry.register(RpcMethod.described(STATUS, MethodDoc.of("The node's name, height, last block, mempool size, role and view.")
                .result(ChainSchemas.object("status", "api.md#status")).build(), p -> JsonViews.status(api.status())));
        registry.register(RpcMethod.described(HEALTH, MethodDoc.of("Answers {\"status\":\"ok\"} while the node serves RPC.")
                .result(Schema.object("{\"status\":\"ok\"}")).build(), p -> JsonCodec.NODES.objectNode().put("status", "ok")));
        registry.register(RpcMethod.described(GET_ASSET, MethodDoc.of("An asset with a page of its history, or null.")
                .param("id", ChainSchemas.hash("asset id"), "")
                .optional("historyFrom", Schema.integer("first history record (default 0)"), "")
                .optional("historyLimit", Schema.integer("most records (default and cap " + HISTORY_PAGE_MAX + ")"), "")
                .result(Schema.nullable(ChainSchemas.object("asset", "ledger.md"))).build(), m::asset));
        registry.register(RpcMethod.described(GET_SUPPLY, MethodDoc.of("Total, circulating and locked MTN at the tip.")
                .result(ChainSchemas.object("supply", "api.md#methods")).build(), p -> JsonViews.supply(api.supply())));
        registry.register(RpcMethod.described(GET_PROOF, MethodDoc.of("A Merkle proof of an account or asset against the latest state root.")
                .param("kind", Schema.oneOfStrings("what to prove", "account", "asset"), "")
                .param("id", Schema.string("an address (account) or an asset id (asset)"), "")
                .result(ChainSchemas.object("proof", "ledger.md#proofs")).build(), m::proof));
        registry.register(RpcMethod.described(GET_VALIDATORS, MethodDoc.of("The validator set in force at a height, its quorum and the approved next set.")
                .optional("height", ChainSchemas.height("a committed height or the next one (default: the next)"), "")
                .result(ChainSchemas.object("validators", "api.md#validators")).build(), m::validators));
        registry.register(RpcMethod.described(GET_VALIDATOR_HANDOVERS, MethodDoc.of("Validator-set hand-overs from a base on, oldest first, gap-free.")
                .optional("fromBase", ChainSchemas.height("first base (default 1)"), "")
                .result(Schema.array(ChainSchemas.object("hand-over", "api.md#validator-hand-overs"), "at most " + HANDOVERS_PAGE_MAX)).build(),
                m::handovers));
        ContractMethods.register(registry, api);
        return registry;
    }

    private JsonNode blockByNumber(Params p) {
        OptionalLong tag = ParamReaders.blockTag("height", p.required("height"));
        boolean full = fullTransactions(p);
        long height = tag.isPresent() ? tag.getAsLong() : api.blockNumber();
        return render(api.blockByNumber(height), full);
    }

    private JsonNode blockByHash(Params p) {
        Hash32 hash = ParamReaders.hash("hash", p.required("hash"));
        return render(api.blockByHash(hash), fullTransactions(p));
    }

    private static boolean fullTransactions(Params p) {
        return p.optional("fullTransactions").map(v -> ParamReaders.bool("fullTransactions", v)).orElse(false);
    }

    private static JsonNode render(Optional<BlockView> block, boolean full) {
        return block.<JsonNode>map(b -> JsonViews.block(b, full)).orElse(NullNode.instance);
    }

    private JsonNode transaction(Params p) {
        Hash32 id = ParamReaders.hash("txId", p.required("txId"));
        return api.transaction(id).<JsonNode>map(JsonViews::transaction).orElse(NullNode.instance);
    }

    private JsonNode receipt(Params p) {
        Hash32 id = ParamReaders.hash("txId", p.required("txId"));
        return api.receipt(id).<JsonNode>map(JsonViews::receipt).orElse(NullNode.instance);
    }

    private JsonNode sendRawTransaction(Params p) {
        byte[] raw = ParamReaders.hexData("raw", p.required("raw"));
        try {
            return TextNode.valueOf(JsonViews.hash(api.sendRawTransaction(raw)));
        } catch (TxRejectedException e) {
            throw rejected(e.rejection());
        }
    }

    private JsonNode asset(Params p) {
        Hash32 id = ParamReaders.hash("id", p.required("id"));
        long from = p.optional("historyFrom").map(v -> ParamReaders.nonNegative("historyFrom", v)).orElse(0L);
        long limit = p.optional("historyLimit").map(v -> ParamReaders.nonNegative("historyLimit", v)).orElse((long) HISTORY_PAGE_MAX);
        int bounded = (int) Math.min(limit, HISTORY_PAGE_MAX);
        return api.asset(id, from, bounded).<JsonNode>map(JsonViews::asset).orElse(NullNode.instance);
    }

    private JsonNode proof(Params p) {
        JsonNode kind = p.required("kind");
        String k = kind.isTextual() ? kind.textValue() : "";
        return switch (k) {
            case "account" -> JsonViews.proof(api.accountProof(ParamReaders.address("id", p.required("id"))));
            case "asset" -> JsonViews.proof(api.assetProof(ParamReaders.hash("id", p.required("id"))));
            default -> throw RpcError.invalidParam("kind", "must be \"account\" or \"asset\", got " + ParamReaders.describe(kind));
        };
    }

    /** The set in force at {@code height}, by default at the next height (the set that signs the next block). */
    private JsonNode validators(Params p) {
        Optional<JsonNode> h = p.optional("height").filter(v -> !v.isNull());
        long height = h.isPresent() ? ParamReaders.nonNegative("height", h.get()) : api.blockNumber() + 1;
        try {
            return JsonViews.validators(api.validators(height));
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidParam("height", "must be a committed height or the next one: " + e.getMessage());
        }
    }

    /** The hand-overs from {@code fromBase} on (by default all of them), oldest first, at most {@link #HANDOVERS_PAGE_MAX}. */
    private JsonNode handovers(Params p) {
        Optional<JsonNode> from = p.optional("fromBase").filter(v -> !v.isNull());
        long fromBase = from.isPresent() ? ParamReaders.nonNegative("fromBase", from.get()) : 1;
        ArrayNode out = JsonCodec.NODES.arrayNode();
        for (HandoverView h : api.validatorHandovers(fromBase, HANDOVERS_PAGE_MAX)) {
            out.add(JsonViews.handover(h));
        }
        return out;
    }

    /** A rejection keeps its stable code and message; {"reason": NAME} lets programs switch on it. */
    static RpcError rejected(TxRejection r) {
        return new RpcError(TxRejectionCodes.code(r.reason()), r.message(), JsonCodec.NODES.objectNode().put("reason", r.reason().name()));
    }
}
