package io.mutualchain.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.tx.ContractCall;
import io.mutualchain.core.tx.ContractDeploy;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSON of contract transactions, runs and contracts. Ints are JSON integers, bytes 0x-prefixed hex;
 * a revert reason is given as hex and, because it is usually text, as UTF-8 text too.
 */
public final class ContractJson {
    private ContractJson() {
    }

    public static ArrayNode values(List<AbiValue> values) {
        ArrayNode a = JsonCodec.NODES.arrayNode();
        for (AbiValue v : values) {
            if (v instanceof AbiValue.Int i) {
                a.add(i.value());
            } else {
                a.add(JsonViews.hex(((AbiValue.Bytes) v).bytes()));
            }
        }
        return a;
    }

    /** The fields of a run, written into {@code o} (a receipt, or the answer of mc_call). */
    public static ObjectNode run(ObjectNode o, ContractCallView r) {
        o.put("executionStatus", r.status());
        o.put("gasUsed", r.gasUsed());
        o.set("result", values(r.result()));
        ArrayNode events = o.putArray("events");
        for (ContractCallView.Event e : r.events()) {
            ObjectNode eo = events.addObject();
            eo.put("contract", e.contract().toString());
            ArrayNode topics = eo.putArray("topics");
            e.topics().forEach(t -> topics.add(JsonViews.hex(t)));
            eo.put("data", JsonViews.hex(e.data()));
        }
        if (r.status().equals("REVERTED")) {
            o.put("revertReason", JsonViews.hex(r.revertReason()));
            o.put("revertReasonText", new String(r.revertReason(), StandardCharsets.UTF_8));
        } else {
            o.putNull("revertReason");
        }
        o.put("message", r.message());
        if (r.created() != null) {
            o.put("contractAddress", r.created().toString());
        }
        return o;
    }

    public static ObjectNode run(ContractCallView r) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("success", r.status().equals("SUCCESS"));
        return run(o, r);
    }

    public static ObjectNode contract(ContractView c) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("address", c.address().toString());
        o.put("codeHash", JsonViews.hash(c.codeHash()));
        o.put("codeBytes", c.codeBytes());
        o.put("deployer", c.deployer().toString());
        o.put("height", c.height());
        o.put("balance", JsonViews.amount(c.balance()));
        o.put("balanceUnits", Long.toString(c.balance()));
        ArrayNode fs = o.putArray("functions");
        for (ContractView.Function f : c.functions()) {
            ObjectNode fo = fs.addObject();
            fo.put("name", f.name());
            ArrayNode ps = fo.putArray("params");
            f.params().forEach(p -> ps.addObject().put("name", p.name()).put("type", p.type()));
            ArrayNode rs = fo.putArray("results");
            f.results().forEach(rs::add);
        }
        return o;
    }

    /** The payload fields of a deploy or call transaction; false if {@code payload} is neither. */
    static boolean payload(ObjectNode o, Object payload) {
        if (payload instanceof ContractDeploy d) {
            o.put("codeHash", JsonViews.hash(Sha256.hash(d.code())));
            o.put("codeBytes", d.code().length);
            o.put("args", JsonViews.hex(d.args()));
            o.put("value", JsonViews.amount(d.value()));
            o.put("valueUnits", Long.toString(d.value()));
            o.put("gasLimit", d.gasLimit());
            return true;
        }
        if (payload instanceof ContractCall c) {
            o.put("contract", c.contract().toString());
            o.put("function", c.function());
            o.put("args", JsonViews.hex(c.args()));
            o.put("value", JsonViews.amount(c.value()));
            o.put("valueUnits", Long.toString(c.value()));
            o.put("gasLimit", c.gasLimit());
            return true;
        }
        return false;
    }
}
