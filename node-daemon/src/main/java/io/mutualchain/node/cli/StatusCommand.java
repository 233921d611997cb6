package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code status}: what a node says about itself. */
@Command(name = "status", description = "Show a node's chain, height, last block and pool size.")
public final class StatusCommand implements Runnable {
    @Mixin
    RpcOption rpc;
    @Mixin
    JsonOption json;

    @Override
    public void run() {
        JsonNode s = Rpc.callOrFail(rpc, "mc_status");
        new Printer(System.out, json.enabled()).print(s,
                "node:       " + s.path("nodeName").asText() + " (" + rpc.url() + ")"
                        + "\nchain:      " + s.path("chainId").asText()
                        + "\nheight:     " + s.path("height").asLong()
                        + "\nlast block: " + s.path("lastBlockHash").asText()
                        + "\nview:       " + s.path("view").asLong()
                        + "\nmempool:    " + s.path("mempoolSize").asInt() + " pending");
    }
}
