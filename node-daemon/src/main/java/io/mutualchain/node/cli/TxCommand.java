package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tx transfer} and {@code tx get}. */
@Command(name = "tx", description = "Send and look up transactions.", subcommands = {TxCommand.TransferCmd.class, TxCommand.Get.class})
public final class TxCommand {
    /** How long {@code tx transfer} waits for the receipt by default. */
    static final int DEFAULT_WAIT_SECONDS = 30;
    /** Ceiling on any wait the user asks for. */
    static final int MAX_WAIT_SECONDS = 600;

    @Command(name = "transfer", description = "Sign a transfer of MTN with --key and send it to the node; waits for the receipt.")
    static final class TransferCmd implements Runnable {
        @Mixin
        KeyOption key;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;
        @Option(names = "--to", paramLabel = "ADDRESS", required = true, description = "Recipient address (mc…).")
        String to;
        @Option(names = "--amount", paramLabel = "MTN", required = true, description = "Amount in MTN, e.g. 12.5 (8 decimals at most).")
        String amount;
        @Option(names = "--max-fee", paramLabel = "MTN", defaultValue = "0.01",
                description = "Most fee you will pay (default ${DEFAULT-VALUE} MTN); the chain charges its base fee.")
        String maxFee;
        @Option(names = "--nonce", description = "Nonce to use (default: the account's next nonce from the node).")
        Long nonce;
        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "" + DEFAULT_WAIT_SECONDS,
                description = "Seconds to wait for the receipt; 0 returns right after the node accepts it (default ${DEFAULT-VALUE}).")
        int waitSeconds;

        @Override
        public void run() {
            Address recipient;
            long units;
            long fee;
            try {
                recipient = Address.parse(to);
            } catch (IllegalArgumentException e) {
                throw new UserError("--to: " + e.getMessage());
            }
            try {
                units = Mtn.parse(amount);
                fee = Mtn.parse(maxFee);
            } catch (IllegalArgumentException e) {
                throw new UserError("--amount/--max-fee: " + e.getMessage());
            }
            if (units == 0) {
                throw new UserError("--amount must be more than 0");
            }
            if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
                throw new UserError("--wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
            }
            KeyPair k = key.load();
            String chainId = Rpc.callOrFail(rpc, "mc_chainId").asText();
            long n = nonce != null ? nonce : Rpc.callOrFail(rpc, "mc_getAccount", k.address().toString()).path("nonce").asLong();
            Transaction tx = Transaction.sign(chainId, k, n, fee, new Transfer(recipient, units));
            TxSender.submit(rpc, tx);
            ObjectNode out = Printer.object();
            out.put("txId", tx.id().toString());
            out.put("from", k.address().toString());
            out.put("to", recipient.toString());
            out.put("amount", Mtn.format(units));
            out.put("nonce", n);
            if (waitSeconds == 0) {
                out.put("status", "pending");
                new Printer(System.out, json.enabled()).print(out, "sent " + tx.id() + " (pending)");
                return;
            }
            JsonNode receipt = Receipts.await(rpc, tx.id().toString(), waitSeconds);
            out.set("receipt", receipt);
            boolean ok = receipt.path("success").asBoolean(false);
            out.put("status", ok ? "committed" : "failed");
            new Printer(System.out, json.enabled()).print(out,
                    (ok ? "committed " : "FAILED ") + tx.id() + " in block " + receipt.path("height").asLong()
                            + (ok ? "" : ": " + receipt.path("error").asText()));
            if (!ok) {
                throw new UserError("transaction failed: " + receipt.path("error").asText());
            }
        }
    }

    @Command(name = "get", description = "Show a transaction and its receipt.")
    static final class Get implements Runnable {
        @Parameters(paramLabel = "TXID", description = "Transaction id (0x…).")
        String id;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;

        @Override
        public void run() {
            JsonNode tx = Rpc.callOrFail(rpc, "mc_getTransaction", id);
            if (tx == null || tx.isNull()) {
                throw new UserError("no transaction " + id + " on this chain (it may still be pending)");
            }
            JsonNode receipt = Rpc.callOrFail(rpc, "mc_getReceipt", id);
            ObjectNode out = Printer.object();
            out.set("transaction", tx);
            out.set("receipt", receipt);
            new Printer(System.out, json.enabled()).print(out, Printer.JSON.valueToTree(out).toPrettyString());
        }
    }
}
