package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.AssetEventCode;
import io.mutualchain.core.tx.CreditClose;
import io.mutualchain.core.types.Address;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asset send EVENT …} sends any of the twelve state-machine events (E01-E12) and prints the
 * asset id and its new state; {@code asset get ID} shows an asset and its history.
 */
@Command(name = "asset", description = "Send asset state-machine events (E01-E12) and show assets with their history.",
        subcommands = {AssetCommand.Send.class, AssetCommand.Get.class, AssetCommand.CloseCredit.class})
public final class AssetCommand {

    @Command(name = "send", description = {
            "Send an event to an asset and wait until it is committed. Events: E01 deposit request (--type, --amount; without",
            "--asset a new asset is created), E02/E03 deposit reject/confirm, E04 transfer request (--to), E05/E06 transfer",
            "reject/confirm, E07 credit request (--amount), E08/E09 credit reject/confirm, E10 withdraw request, E11/E12",
            "withdraw reject/confirm."})
    static final class Send implements Runnable {
        @Parameters(index = "0", paramLabel = "EVENT", description = "E01 to E12.")
        String event;
        @Mixin
        KeyOption key;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;
        @Option(names = "--asset", paramLabel = "ID", description = "Asset id (0x…); omit with E01 to create a new asset.")
        String asset;
        @Option(names = "--type", paramLabel = "TYPE", description = "Asset type of a deposit (E01), e.g. CNY.")
        String type;
        @Option(names = "--amount", paramLabel = "UNITS", description = "Amount in the asset's own units: deposit (E01) or credit (E07).")
        Long amount;
        @Option(names = "--to", paramLabel = "ADDRESS", description = "Recipient of a transfer (E04).")
        String to;
        @Option(names = "--data", paramLabel = "TEXT", description = "Business data stored with the event (UTF-8, at most 256 bytes).")
        String data;

        @Override
        public void run() {
            AssetEventCode code;
            try {
                code = AssetEventCode.parse(event);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            KeyPair k = key.load();
            long nonce = TxSender.nextNonce(rpc, k);
            Hash32 id = assetId(k, nonce, code);
            AssetEvent payload;
            try {
                byte[] bytes = data == null ? new byte[0] : data.getBytes(StandardCharsets.UTF_8);
                payload = switch (code) {
                    case E01 -> AssetEvent.depositRequest(id, require(type, "--type"), require(amount, "--amount"), bytes);
                    case E04 -> AssetEvent.transferRequest(id, Address.parse(require(to, "--to")), bytes);
                    case E07 -> AssetEvent.creditRequest(id, require(amount, "--amount"), bytes);
                    default -> AssetEvent.simple(code, id, bytes);
                };
            } catch (IllegalArgumentException e) {
                throw new UserError(code + ": " + e.getMessage());
            }
            JsonNode receipt = TxSender.send(rpc, k, nonce, payload);
            TxSender.requireSuccess(receipt);
            JsonNode a = Rpc.callOrFail(rpc, "mc_getAsset", id.toString(), 0, 0);
            ObjectNode out = Printer.object();
            out.put("asset", id.toString());
            out.put("event", code.name());
            out.put("state", a.path("state").asText());
            out.put("owner", a.path("owner").asText());
            out.put("txId", receipt.path("txId").asText());
            out.put("height", receipt.path("height").asLong());
            new Printer(System.out, json.enabled()).print(out, code + " committed in block " + receipt.path("height").asLong()
                    + ": asset " + id + " is now " + a.path("state").asText());
        }

        private Hash32 assetId(KeyPair k, long nonce, AssetEventCode code) {
            if (asset == null) {
                if (code != AssetEventCode.E01) {
                    throw new UserError("--asset is required for " + code + "; only a deposit request (E01) creates a new asset");
                }
                return AssetEvent.newAssetId(k.address(), nonce);
            }
            return TxSender.assetId("--asset", asset);
        }

        private static <T> T require(T value, String flag) {
            if (value == null) {
                throw new UserError(flag + " is required for this event");
            }
            return value;
        }
    }

    @Command(name = "close-credit", description = "As the creditor that granted credit on an asset (E09), close it as repaid or defaulted.")
    static final class CloseCredit implements Runnable {
        @Mixin
        KeyOption key;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;
        @Option(names = "--asset", paramLabel = "ID", required = true)
        String asset;
        @Option(names = "--defaulted", description = "The owner defaulted (default: repaid).")
        boolean defaulted;

        @Override
        public void run() {
            Hash32 id = TxSender.assetId("--asset", asset);
            ObjectNode out = Printer.object();
            out.put("asset", id.toString());
            out.put("repaid", !defaulted);
            TxSender.sendAndPrint(rpc, json, key.load(), new CreditClose(id, !defaulted), out,
                    "credit on " + id + " closed as " + (defaulted ? "defaulted" : "repaid"));
        }
    }

    @Command(name = "get", description = "Show an asset: owner, type, amount, state, pending request and its history records.")
    static final class Get implements Runnable {
        @Parameters(paramLabel = "ID", description = "Asset id (0x…).")
        String id;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;

        @Override
        public void run() {
            JsonNode a = Rpc.callOrFail(rpc, "mc_getAsset", id);
            if (a == null || a.isNull()) {
                throw new UserError("no asset " + id + " on this chain");
            }
            StringBuilder text = new StringBuilder();
            text.append("asset ").append(a.path("id").asText()).append('\n')
                    .append("owner:  ").append(a.path("owner").asText()).append('\n')
                    .append("type:   ").append(a.path("type").asText()).append(", amount ").append(a.path("amount").asText()).append('\n')
                    .append("state:  ").append(a.path("state").asText()).append('\n')
                    .append("history (state code - input code - transaction data - business data):");
            for (JsonNode r : a.path("history")) {
                text.append("\n  ").append(r.path("index").asLong()).append(": ").append(r.path("stateCode").asText()).append(" - ")
                        .append(r.path("inputCode").asText()).append(" - tx ").append(r.path("txData").path("txId").asText())
                        .append(" block ").append(r.path("txData").path("height").asLong()).append(" by ")
                        .append(r.path("txData").path("sender").asText()).append(" - ").append(r.path("businessData").asText());
            }
            new Printer(System.out, json.enabled()).print(a, text.toString());
        }
    }
}
