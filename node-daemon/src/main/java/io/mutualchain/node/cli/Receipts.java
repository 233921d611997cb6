package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Polls a node for a receipt, with a deadline. */
final class Receipts {
    /** Poll interval: short enough to feel instant after a commit, long enough not to load the node. */
    private static final long POLL_MS = 50;

    private Receipts() {
    }

    static JsonNode await(RpcOption rpc, String txId, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            JsonNode r = Rpc.callOrFail(rpc, "mc_getReceipt", txId);
            if (r != null && !r.isNull()) {
                return r;
            }
            if (System.nanoTime() > deadline) {
                throw new UserError("no receipt for " + txId + " after " + seconds + " s; it is accepted but not yet committed. Check later with 'tx get " + txId + "'");
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserError("interrupted while waiting for the receipt of " + txId);
            }
        }
    }
}
