package io.mutualchain.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.tx.TxPayload;
import io.mutualchain.core.tx.ValidatorVote;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.rpc.jsonrpc.JsonCodec;

/**
 * The JSON form of every chain object, shared by the RPC server and the CLI's {@code --json} so the
 * two never disagree. Conventions: bytes (hashes, keys, signatures, raw encodings) are {@code "0x"} +
 * lower-case hex; amounts are decimal MTN strings ({@link Mtn#format}) with a twin {@code …Units}
 * string of base units, never JSON floats; heights, indexes, nonces, views and times are JSON
 * integers; addresses are their {@code mc…} text. Field order is fixed, so output is reproducible.
 */
public final class JsonViews {
    private JsonViews() {
    }

    public static String hex(byte[] bytes) {
        return "0x" + Hex.encode(bytes);
    }

    public static String hash(Hash32 h) {
        return "0x" + h.toHex();
    }

    /** Decimal MTN, e.g. "12.5". */
    public static String amount(long units) {
        return Mtn.format(units);
    }

    public static ObjectNode header(BlockHeader h) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("hash", hash(h.hash()));
        o.put("chainId", h.chainId());
        o.put("height", h.height());
        o.put("prevHash", hash(h.prevHash()));
        o.put("timestampMs", h.timestampMs());
        o.put("txRoot", hash(h.txRoot()));
        o.put("stateRoot", hash(h.stateRoot()));
        o.put("receiptsRoot", hash(h.receiptsRoot()));
        o.put("txCount", h.txCount());
        o.put("proposer", hex(h.proposer().toBytes()));
        o.put("proposerAddress", Address.of(h.proposer()).toString());
        o.put("view", h.view());
        return o;
    }

    public static ObjectNode certificate(CommitCertificate c) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("view", c.view());
        o.put("height", c.height());
        o.put("blockHash", hash(c.blockHash()));
        ArrayNode sigs = o.putArray("signatures");
        for (ValidatorSignature s : c.signatures()) {
            ObjectNode e = sigs.addObject();
            e.put("validator", hex(s.validator().toBytes()));
            e.put("signature", hex(s.signature().toBytes()));
        }
        return o;
    }

    /** Header fields, then {@code transactions} (ids, or full objects), then {@code certificate}. */
    public static ObjectNode block(Block block, CommitCertificate certificate, boolean fullTransactions) {
        ObjectNode o = header(block.header());
        ArrayNode txs = o.putArray("transactions");
        Hash32 blockHash = block.hash();
        for (int i = 0; i < block.transactions().size(); i++) {
            Transaction tx = block.transactions().get(i);
            if (fullTransactions) {
                txs.add(transaction(new TxView(tx, block.height(), i, blockHash)));
            } else {
                txs.add(hash(tx.id()));
            }
        }
        o.set("certificate", certificate == null ? NullNode.instance : certificate(certificate));
        return o;
    }

    public static ObjectNode block(BlockView view, boolean fullTransactions) {
        return block(view.block(), view.certificate(), fullTransactions);
    }

    /** A transaction on its own (for example one about to be sent): no position fields. */
    public static ObjectNode transaction(Transaction tx) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("id", hash(tx.id()));
        o.put("chainId", tx.chainId());
        o.put("from", tx.senderAddress().toString());
        o.put("publicKey", hex(tx.sender().toBytes()));
        o.put("nonce", tx.nonce());
        o.put("maxFee", amount(tx.maxFee()));
        o.put("maxFeeUnits", Long.toString(tx.maxFee()));
        payload(o, tx.payload());
        o.put("signature", hex(tx.signature().toBytes()));
        o.put("raw", hex(tx.encode()));
        return o;
    }

    /** A committed transaction: the fields of {@link #transaction(Transaction)} plus height, index and blockHash. */
    public static ObjectNode transaction(TxView view) {
        ObjectNode o = transaction(view.tx());
        o.put("height", view.height());
        o.put("index", view.index());
        o.put("blockHash", hash(view.blockHash()));
        return o;
    }

    private static void payload(ObjectNode o, TxPayload payload) {
        o.put("kind", payload.kindName());
        if (payload instanceof Transfer t) {
            o.put("to", t.to().toString());
            o.put("amount", amount(t.amount()));
            o.put("amountUnits", Long.toString(t.amount()));
        } else if (payload instanceof AssetEvent e) {
            o.put("event", e.event().name());
            o.put("asset", hash(e.assetId()));
            if (e.assetType() != null) {
                o.put("assetType", e.assetType());
            }
            if (e.amount() != 0) {
                o.put("assetAmount", Long.toString(e.amount()));
            }
            if (e.to() != null) {
                o.put("to", e.to().toString());
            }
            o.put("data", hex(e.data()));
        } else if (payload instanceof ValidatorVote v) {
            o.put("action", v.action().name());
            o.put("validator", hex(v.validator().toBytes()));
            o.put("validatorAddress", Address.of(v.validator()).toString());
            o.put("name", v.name());
            o.put("salt", v.salt());
            o.put("proposalId", hash(v.proposalId()));
        } else if (ContractJson.payload(o, payload)) {
            return;
        } else {
            // A kind this module does not know yet still shows its exact fields, as canonical hex.
            CanonicalWriter w = new CanonicalWriter();
            payload.writeFields(w);
            o.put("kindTag", payload.kind());
            o.put("payload", hex(w.toByteArray()));
        }
    }

    public static ObjectNode receipt(ReceiptView r) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("txId", hash(r.txId()));
        o.put("height", r.height());
        o.put("index", r.index());
        o.put("blockHash", hash(r.blockHash()));
        o.put("success", r.success());
        if (r.error() == null) {
            o.putNull("error");
        } else {
            o.put("error", r.error());
        }
        o.put("feePaid", amount(r.feePaid()));
        o.put("feePaidUnits", Long.toString(r.feePaid()));
        if (r.contract() != null) {
            ContractJson.run(o, r.contract());
        }
        return o;
    }

    public static ObjectNode account(AccountView a) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("address", a.address().toString());
        o.put("balance", amount(a.balance()));
        o.put("balanceUnits", Long.toString(a.balance()));
        o.put("nonce", a.nonce());
        o.put("memberLevel", a.level());
        o.put("creditScore", a.credit());
        ArrayNode roles = o.putArray("roles");
        for (Role r : Role.values()) {
            if (r.in(a.roles())) {
                roles.add(r.name());
            }
        }
        o.put("locked", amount(a.locked()));
        o.put("lockedUnits", Long.toString(a.locked()));
        return o;
    }

    /** State "S0".."S6" with its code, and event codes as "E01".."E12". */
    public static String state(int code) {
        return "S" + code;
    }

    public static String event(int code) {
        return String.format("E%02d", code);
    }

    /** An asset: id, owner, type, amount (the asset's own units, as a decimal string), state, pending request, credit, history. */
    public static ObjectNode asset(AssetView a) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("id", hash(a.id()));
        o.put("owner", a.owner().toString());
        o.put("type", a.type());
        o.put("amount", Long.toString(a.amount()));
        o.put("state", state(a.state()));
        o.put("stateCode", a.state());
        if (a.pending() == null) {
            o.putNull("pending");
        } else {
            ObjectNode p = o.putObject("pending");
            p.put("event", event(a.pending().event()));
            p.put("requester", a.pending().requester().toString());
            if (a.pending().to() == null) {
                p.putNull("to");
            } else {
                p.put("to", a.pending().to().toString());
            }
            p.put("amount", Long.toString(a.pending().amount()));
        }
        if (a.credit() == null) {
            o.putNull("credit");
        } else {
            o.putObject("credit").put("creditor", a.credit().creditor().toString()).put("amount", Long.toString(a.credit().amount()));
        }
        o.put("records", a.records());
        o.put("historyFrom", a.historyFrom());
        ArrayNode h = o.putArray("history");
        long i = a.historyFrom();
        for (AssetView.Record r : a.history()) {
            ObjectNode e = h.addObject();
            e.put("index", i++);
            e.put("stateCode", state(r.state()));
            e.put("inputCode", event(r.input()));
            ObjectNode tx = e.putObject("txData");
            tx.put("txId", hash(r.txId()));
            tx.put("height", r.height());
            tx.put("timeMs", r.timeMs());
            tx.put("sender", r.sender().toString());
            tx.put("fromState", state(r.fromState()));
            e.put("businessData", hex(r.business()));
        }
        return o;
    }

    public static ObjectNode supply(SupplyView s) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("height", s.height());
        o.put("total", amount(s.total()));
        o.put("circulating", amount(s.circulating()));
        o.put("locked", amount(s.locked()));
        o.put("reserve", amount(s.reserve()));
        o.put("feesPaid", amount(s.feesPaid()));
        o.put("totalUnits", Long.toString(s.total()));
        o.put("circulatingUnits", Long.toString(s.circulating()));
        o.put("lockedUnits", Long.toString(s.locked()));
        return o;
    }

    public static ObjectNode proof(ProofView p) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("kind", p.kind());
        o.put("stateKey", hex(p.stateKey()));
        if (p.value() == null) {
            o.putNull("value");
        } else {
            o.put("value", hex(p.value()));
        }
        o.put("height", p.height());
        o.put("verifiesAgainstHeight", p.verifiesAgainstHeight());
        o.put("stateRoot", hash(p.stateRoot()));
        o.put("proof", hex(p.proof()));
        return o;
    }

    /** {@code mc_getValidators}: the set in force at a height with its quorum, and the approved next set or null. */
    public static ObjectNode validators(ValidatorsView v) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("height", v.height());
        o.put("epochBase", v.epochBase());
        o.put("quorum", v.validators().quorum());
        o.put("maxFaulty", v.validators().maxFaulty());
        validatorList(o.putArray("validators"), v.validators());
        if (v.pending().isEmpty()) {
            o.putNull("pending");
        } else {
            ObjectNode p = o.putObject("pending");
            p.put("fromHeight", v.pending().get().fromHeight());
            validatorList(p.putArray("validators"), v.pending().get().validators());
        }
        return o;
    }

    /**
     * One entry of {@code mc_getValidatorHandovers}: base, block base's header (the fields of
     * {@link #header}), its certificate, the proof of the validator schedule (kind "validators", the
     * fields of {@link #proof}) and the validators it hands over to.
     */
    public static ObjectNode handover(HandoverView h) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("base", h.base());
        o.set("header", header(h.header()));
        o.set("certificate", certificate(h.certificate()));
        o.set("proof", proof(h.proof()));
        validatorList(o.putArray("validators"), h.validators());
        return o;
    }

    private static void validatorList(ArrayNode out, ValidatorSet set) {
        for (Validator val : set.validators()) {
            ObjectNode e = out.addObject();
            e.put("name", val.name());
            e.put("publicKey", hex(val.publicKey().toBytes()));
            e.put("address", val.address().toString());
        }
    }

    public static ObjectNode status(StatusView s) {
        ObjectNode o = JsonCodec.NODES.objectNode();
        o.put("chainId", s.chainId());
        o.put("nodeName", s.nodeName());
        o.put("height", s.height());
        if (s.lastBlockHash() == null) {
            o.putNull("lastBlockHash");
        } else {
            o.put("lastBlockHash", hash(s.lastBlockHash()));
        }
        o.put("lastBlockTimeMs", s.lastBlockTimeMs());
        o.put("mempoolSize", s.mempoolSize());
        o.put("validator", s.validator());
        o.put("view", s.view());
        return o;
    }
}
