package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxPayload;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.rpc.RpcException;

/**
 * Signs a payload with the account's next nonce, sends it, and waits for its receipt: the common
 * path of the ledger commands (asset, member, credit, gov). A refusal at the node, or a receipt that
 * is not a success, is a {@link UserError} carrying the node's reason.
 */
final class TxSender {
    /** The fee cap the ledger commands offer; the chain charges its base fee. */
    static final String DEFAULT_MAX_FEE = "0.01";
    /** How long the ledger commands wait for a receipt. */
    static final int WAIT_SECONDS = 30;

    private TxSender() {
    }

    /** The sender's next nonce as the node knows it. */
    static long nextNonce(RpcOption rpc, KeyPair key) {
        return Rpc.callOrFail(rpc, "mc_getAccount", key.address().toString()).path("nonce").asLong();
    }

    /** Signs with nonce {@code nonce}, sends, waits; returns the receipt (successful or not). */
    static JsonNode send(RpcOption rpc, KeyPair key, long nonce, TxPayload payload) {
        String chainId = Rpc.callOrFail(rpc, "mc_chainId").asText();
        Transaction tx = Transaction.sign(chainId, key, nonce, Mtn.parse(DEFAULT_MAX_FEE), payload);
        submit(rpc, tx);
        return Receipts.await(rpc, tx.id().toString(), WAIT_SECONDS);
    }

    /** Hands a signed transaction to the node; a refusal becomes a {@link UserError} naming the node's reason. */
    static void submit(RpcOption rpc, Transaction tx) {
        try {
            Rpc.call(rpc, "mc_sendRawTransaction", "0x" + Hex.encode(tx.encode()));
        } catch (RpcException e) {
            String reason = e.data() != null && e.data().has("reason") ? e.data().get("reason").asText() + ": " : "";
            throw new UserError("the node refused the transaction: " + reason + e.getMessage());
        }
    }

    /**
     * Sends {@code payload} with the key's next nonce, requires a successful receipt, adds its
     * {@code txId} and {@code height} to {@code out}, and prints {@code out} (or {@code text}).
     */
    static JsonNode sendAndPrint(RpcOption rpc, JsonOption json, KeyPair key, TxPayload payload, ObjectNode out, String text) {
        JsonNode receipt = send(rpc, key, nextNonce(rpc, key), payload);
        requireSuccess(receipt);
        out.put("txId", receipt.path("txId").asText());
        out.put("height", receipt.path("height").asLong());
        new Printer(System.out, json.enabled()).print(out, text + " (block " + receipt.path("height").asLong() + ")");
        return receipt;
    }

    /** Parses an asset id given with {@code flag}. */
    static Hash32 assetId(String flag, String text) {
        try {
            return Hash32.of(Hex.decode(text));
        } catch (IllegalArgumentException e) {
            throw new UserError(flag + ": " + e.getMessage());
        }
    }

    /** Throws the receipt's error unless it succeeded. */
    static void requireSuccess(JsonNode receipt) {
        if (!receipt.path("success").asBoolean(false)) {
            throw new UserError("transaction " + receipt.path("txId").asText() + " was refused in block " + receipt.path("height").asLong()
                    + ": " + receipt.path("error").asText());
        }
    }
}
