package io.mutualchain.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.mutualchain.core.tx.ContractDeploy;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.rpc.AbiValue;
import io.mutualchain.rpc.CallLimitException;
import io.mutualchain.rpc.CallRequest;
import io.mutualchain.rpc.ContractCallView;
import io.mutualchain.rpc.ContractJson;
import io.mutualchain.rpc.NodeApi;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import io.mutualchain.rpc.jsonrpc.MethodDoc;
import io.mutualchain.rpc.jsonrpc.MethodRegistry;
import io.mutualchain.rpc.jsonrpc.Params;
import io.mutualchain.rpc.jsonrpc.RpcError;
import io.mutualchain.rpc.jsonrpc.RpcMethod;
import io.mutualchain.rpc.jsonrpc.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract methods: {@code mc_call} (a read-only run), {@code mc_estimateGas} (the gas a call
 * would use, run at this node's gas cap for RPC calls) and {@code mc_getContract} (code hash and
 * ABI). Arguments are a JSON array of integers (int) and 0x-hex strings (bytes).
 *
 * <p>A read-only run is free for the caller and costs the node CPU, so the node caps it
 * ({@link NodeApi#callGasMax()}, and a time cap on the node side): asking for more gas than the cap,
 * or a run that uses all of it and still runs out, is the typed error {@link CallLimitException.Kind#GAS_CAP};
 * the node's time cap and a full worker queue are {@code TIME_CAP} and {@code BUSY}.
 */
final class ContractMethods {
    public static final String CALL = "mc_call";
    public static final String ESTIMATE_GAS = "mc_estimateGas";
    public static final String GET_CONTRACT = "mc_getContract";
    /** The error of mc_estimateGas when the run does not succeed; data carries status, message and revert reason. */
    public static final int EXECUTION_FAILED = -32030;
    /** The VM takes at most 16 arguments. */
    static final int ARGS_MAX = 16;

    private final NodeApi api;

    private ContractMethods(NodeApi api) {
        this.api = api;
    }

    static void register(MethodRegistry registry, NodeApi api) {
        ContractMethods m = new ContractMethods(api);
        registry.register(RpcMethod.described(CALL, limits(callDoc("Runs a contract function read-only against the committed state.", true))
                .result(ChainSchemas.object("contract run", "api.md#contract-run")).build(), m::call));
        registry.register(RpcMethod.described(ESTIMATE_GAS, limits(callDoc("The gas a call would use, run at this node's gas cap for calls.", false))
                .result(Schema.integer("gas used"))
                .error(EXECUTION_FAILED, "the call would not succeed; data is the contract run").build(), m::estimate));
        registry.register(RpcMethod.described(GET_CONTRACT, MethodDoc.of("A contract's code hash and ABI, or null.")
                .param("address", ChainSchemas.address("contract address"), "")
                .result(Schema.nullable(ChainSchemas.object("contract", "api.md#methods"))).build(), p ->
                api.contract(ParamReaders.address("address", p.required("address"))).<JsonNode>map(ContractJson::contract).orElse(NullNode.instance)));
    }

    /** The params of mc_call; mc_estimateGas takes the same, its {@code gas} is accepted and ignored. */
    private static MethodDoc.Builder callDoc(String summary, boolean gasUsed) {
        return MethodDoc.of(summary)
                .param("contract", ChainSchemas.address("contract address"), "")
                .param("function", Schema.string("function name, 1 to 64 characters"), "")
                .optional("args", Schema.array(Schema.anyOf(Schema.integer("int"), ChainSchemas.hex("bytes")),
                        "at most " + ARGS_MAX + " integers and 0x-hex strings"), "")
                .optional("from", ChainSchemas.address("caller (default the zero address)"), "")
                .optional("value", ChainSchemas.amount("MTN sent with the call (default 0)"), "")
                .optional("gas", Schema.integer(gasUsed ? "gas limit, 1 to the node's cap (rpc.callGasMax, default 1,000,000; "
                        + "the default is the cap)" : "ignored: the estimate always runs at the node's cap"), "");
    }

    private static MethodDoc.Builder limits(MethodDoc.Builder doc) {
        return doc.error(CallLimitException.Kind.GAS_CAP.rpcCode(), "more gas than this node allows a call (rpc.callGasMax)")
                .error(CallLimitException.Kind.TIME_CAP.rpcCode(), "ran longer than this node allows a call (rpc.callTimeoutMs)")
                .error(CallLimitException.Kind.BUSY.rpcCode(), "every call worker is busy; retry shortly");
    }

    private JsonNode call(Params p) {
        long cap = api.callGasMax();
        long gas = gas(p, cap);
        ContractCallView r = run(request(p), gas);
        if (gas == cap && r.status().equals("OUT_OF_GAS")) {
            throw capHit(cap, r);
        }
        return ContractJson.run(r);
    }

    private ContractCallView run(CallRequest request, long gas) {
        try {
            return api.call(request, gas);
        } catch (CallLimitException e) {
            throw new RpcError(e.kind().rpcCode(), e.getMessage(), null);
        }
    }

    private static RpcError capHit(long cap, ContractCallView r) {
        return new RpcError(CallLimitException.Kind.GAS_CAP.rpcCode(), "the call ran out of gas at this node's cap of " + cap
                + " gas for calls (rpc.callGasMax); it needs more than a call here may use", ContractJson.run(r));
    }

    private JsonNode estimate(Params p) {
        long cap = api.callGasMax();
        ContractCallView r = run(request(p), cap);
        if (r.status().equals("OUT_OF_GAS")) {
            throw capHit(cap, r);
        }
        if (!r.status().equals("SUCCESS")) {
            throw new RpcError(EXECUTION_FAILED, "the call would end in " + r.status() + (r.message().isEmpty() ? "" : ": " + r.message()),
                    ContractJson.run(r));
        }
        return JsonCodec.NODES.numberNode(r.gasUsed());
    }

    private static long gas(Params p, long cap) {
        long gas = p.optional("gas").map(v -> ParamReaders.nonNegative("gas", v)).orElse(cap);
        if (gas < 1 || gas > ContractDeploy.GAS_LIMIT_MAX) {
            throw RpcError.invalidParam("gas", "must be between 1 and " + ContractDeploy.GAS_LIMIT_MAX);
        }
        if (gas > cap) {
            throw new RpcError(CallLimitException.Kind.GAS_CAP.rpcCode(), "gas " + gas + " is above this node's cap of " + cap
                    + " gas for calls (rpc.callGasMax)", null);
        }
        return gas;
    }

    static CallRequest request(Params p) {
        Address contract = ParamReaders.address("contract", p.required("contract"));
        JsonNode fn = p.required("function");
        if (!fn.isTextual() || fn.textValue().isEmpty() || fn.textValue().length() > 64) {
            throw RpcError.invalidParam("function", "must be a function name of 1 to 64 characters, got " + ParamReaders.describe(fn));
        }
        List<AbiValue> args = p.optional("args").map(ContractMethods::args).orElse(List.of());
        Address from = p.optional("from").filter(v -> !v.isNull()).map(v -> ParamReaders.address("from", v)).orElse(Address.ofBytes(new byte[Address.SIZE]));
        long value = p.optional("value").filter(v -> !v.isNull()).map(ContractMethods::value).orElse(0L);
        return new CallRequest(contract, fn.textValue(), args, from, value);
    }

    private static long value(JsonNode v) {
        if (!v.isTextual()) {
            throw RpcError.invalidParam("value", "must be a decimal MTN amount as a string, got " + ParamReaders.describe(v));
        }
        try {
            return Mtn.parse(v.textValue());
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidParam("value", "is not an MTN amount: " + e.getMessage());
        }
    }

    static List<AbiValue> args(JsonNode v) {
        if (!v.isArray()) {
            throw RpcError.invalidParam("args", "must be an array of integers and 0x-hex strings, got " + ParamReaders.describe(v));
        }
        if (v.size() > ARGS_MAX) {
            throw RpcError.invalidParam("args", "has " + v.size() + " values; a function takes at most " + ARGS_MAX);
        }
        List<AbiValue> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode a = v.get(i);
            String name = "args[" + i + "]";
            if (a.isIntegralNumber() && a.canConvertToLong()) {
                out.add(new AbiValue.Int(a.longValue()));
            } else if (a.isTextual()) {
                out.add(new AbiValue.Bytes(ParamReaders.hexOrEmpty(name, a)));
            } else {
                throw RpcError.invalidParam(name, "must be a 64-bit integer or a 0x-hex string, got " + ParamReaders.describe(a));
            }
        }
        return out;
    }
}
