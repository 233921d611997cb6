package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.vm.Value;
import io.mutualchain.vm.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code contract call ADDRESS FUNCTION [ARGS...]}: sends a call transaction and prints its receipt
 * (exit code 1 when the run reverted, ran out of gas or trapped: it still paid for its gas).
 * {@link Read} is the read-only twin through {@code mc_call}: no transaction, no fee.
 */
@Command(name = "call", description = "Call a contract function in a transaction and print the receipt.")
final class ContractCall implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ADDRESS", description = "Contract address.")
    String address;
    @Parameters(index = "1", paramLabel = "FUNCTION", description = "Exported function name.")
    String function;
    @Parameters(index = "2..*", paramLabel = "ARGS", description = "Arguments, typed by the function's parameters.")
    List<String> args = new ArrayList<>();
    @Option(names = "--value", paramLabel = "MTN", defaultValue = "0", description = "MTN sent with the call (decimal).")
    String value;
    @Option(names = "--gas", paramLabel = "N", defaultValue = "" + ContractDeploy.DEFAULT_GAS, description = "Gas limit (default: ${DEFAULT-VALUE}).")
    long gas;
    @Mixin
    KeyOption key;
    @Mixin
    RpcOption rpc;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Address contract = parseAddress(address);
        List<Value> values = typedArgs(rpc, contract, function, args);
        KeyPair k = key.load();
        io.mutualchain.core.tx.ContractCall payload;
        try {
            payload = new io.mutualchain.core.tx.ContractCall(contract, function, Values.encode(values), Mtn.parse(value), gas);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        JsonNode receipt = TxSender.send(rpc, k, TxSender.nextNonce(rpc, k), payload);
        new Printer(System.out, json.enabled()).print(receipt, describe(receipt));
        return receipt.path("success").asBoolean(false) ? 0 : 1;
    }

    static Address parseAddress(String text) {
        try {
            return Address.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("'" + text + "' is not an address: " + e.getMessage());
        }
    }

    static List<Value> typedArgs(RpcOption rpc, Address contract, String function, List<String> words) {
        JsonNode c = Rpc.callOrFail(rpc, "mc_getContract", contract.toString());
        if (c == null || c.isNull()) {
            throw new UserError("no contract at " + contract);
        }
        return ContractArgs.parse(function, ContractArgs.typesFromAbi(c, function), words);
    }

    /** A receipt or mc_call answer for people: status, gas, fee, result, events, revert reason. */
    static String describe(JsonNode r) {
        StringBuilder s = new StringBuilder();
        s.append("status ").append(r.path("executionStatus").asText(r.path("success").asBoolean() ? "SUCCESS" : "FAILED"));
        s.append(", gas used ").append(r.path("gasUsed").asLong());
        if (r.has("feePaid")) {
            s.append(", fee ").append(r.path("feePaid").asText()).append(" MTN, block ").append(r.path("height").asLong())
                    .append(", tx ").append(r.path("txId").asText());
        }
        if (r.path("result").size() > 0) {
            s.append("\nresult ").append(r.path("result"));
        }
        for (JsonNode e : r.path("events")) {
            s.append("\nevent from ").append(e.path("contract").asText()).append(" topics ").append(e.path("topics")).append(" data ")
                    .append(e.path("data").asText());
        }
        if (r.hasNonNull("revertReasonText")) {
            s.append("\nreverted: ").append(r.path("revertReasonText").asText());
        } else if (!r.path("message").asText().isEmpty()) {
            s.append("\n").append(r.path("message").asText());
        } else if (r.hasNonNull("error") && !r.path("success").asBoolean()) {
            s.append("\n").append(r.path("error").asText());
        }
        return s.toString();
    }

    /** {@code contract read ADDRESS FUNCTION [ARGS...]}: a read-only run through mc_call; nothing is sent or paid. */
    @Command(name = "read", description = "Run a contract function read-only (mc_call) and print what it returns.")
    static final class Read implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ADDRESS", description = "Contract address.")
        String address;
        @Parameters(index = "1", paramLabel = "FUNCTION", description = "Exported function name.")
        String function;
        @Parameters(index = "2..*", paramLabel = "ARGS", description = "Arguments, typed by the function's parameters.")
        List<String> args = new ArrayList<>();
        @Option(names = "--from", paramLabel = "ADDRESS", description = "Caller to simulate (default: the zero address).")
        String from;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            Address contract = parseAddress(address);
            List<Value> values = typedArgs(rpc, contract, function, args);
            JsonNode r = Rpc.callOrFail(rpc, "mc_call", contract.toString(), function, ContractArgs.toJson(values),
                    from == null ? null : parseAddress(from).toString());
            new Printer(System.out, json.enabled()).print(r, describe(r));
            return r.path("success").asBoolean(false) ? 0 : 1;
        }
    }
}
