package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code validators}: the validator set in force at a height (by default the next block's) and the approved next set. */
@Command(name = "validators", description = "Show the validator set in force at a height (default: the next block) and any approved next set.")
public final class ValidatorsCommand implements Runnable {
    @Mixin
    RpcOption rpc;
    @Mixin
    JsonOption json;
    @Option(names = "--height", paramLabel = "H", description = "A committed height or the next one (default: the next one).")
    Long height;

    @Override
    public void run() {
        JsonNode v = height == null ? Rpc.callOrFail(rpc, "mc_getValidators") : Rpc.callOrFail(rpc, "mc_getValidators", height);
        StringBuilder text = new StringBuilder();
        text.append("height ").append(v.path("height").asLong()).append(": ").append(v.path("validators").size()).append(" validators since block ")
                .append(v.path("epochBase").asLong()).append(" (quorum ").append(v.path("quorum").asInt()).append(", tolerates ")
                .append(v.path("maxFaulty").asInt()).append(" faulty)");
        list(text, v.path("validators"));
        JsonNode p = v.path("pending");
        if (p.isObject()) {
            text.append("\napproved next set, from height ").append(p.path("fromHeight").asLong()).append(":");
            list(text, p.path("validators"));
        }
        new Printer(System.out, json.enabled()).print(v, text.toString());
    }

    private static void list(StringBuilder text, JsonNode validators) {
        int i = 0;
        for (JsonNode e : validators) {
            text.append("\n  ").append(i++).append("  ").append(e.path("name").asText()).append("  ").append(e.path("address").asText())
                    .append("  ").append(e.path("publicKey").asText());
        }
    }
}
