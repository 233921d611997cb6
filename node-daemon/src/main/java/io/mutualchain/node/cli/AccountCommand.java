package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.types.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code account ADDRESS}: balance and nonce. */
@Command(name = "account", description = "Show an account's balance and nonce.")
public final class AccountCommand implements Runnable {
    @Parameters(paramLabel = "ADDRESS", description = "Account address (mc…).")
    String address;
    @Mixin
    RpcOption rpc;
    @Mixin
    JsonOption json;

    @Override
    public void run() {
        try {
            Address.parse(address);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        JsonNode a = Rpc.callOrFail(rpc, "mc_getAccount", address);
        new Printer(System.out, json.enabled()).print(a,
                "address: " + a.path("address").asText() + "\nbalance: " + a.path("balance").asText() + " MTN\nnonce:   " + a.path("nonce").asLong());
    }
}
