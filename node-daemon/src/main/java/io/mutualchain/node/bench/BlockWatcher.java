package io.mutualchain.node.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows the chain on one node and records, for every transaction id it is told about, the moment
 * the transaction first appeared in a committed block.
 */
final class BlockWatcher implements Runnable {
    /** How often the head is polled; bounds the latency error from above. */
    static final long POLL_MS = 10;

    private final RpcClient rpc;
    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    private volatile long nextHeight;
    private volatile boolean running = true;
    private volatile long lastCommitNanos;

    BlockWatcher(RpcClient rpc, long fromHeight) {
        this.rpc = rpc;
        this.nextHeight = fromHeight;
    }

    @Override
    public void run() {
        while (running) {
            try {
                long head = rpc.blockNumber();
                while (nextHeight <= head) {
                    JsonNode block = rpc.call("mc_getBlockByNumber", nextHeight, false);
                    long now = System.nanoTime();
                    for (JsonNode id : block.path("transactions")) {
                        committedAt.putIfAbsent(id.isTextual() ? id.asText() : id.path("id").asText(), now);
                        lastCommitNanos = now;
                    }
                    nextHeight++;
                }
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RpcException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    Long committedAt(String txId) {
        return committedAt.get(txId);
    }

    int seen() {
        return committedAt.size();
    }

    long lastCommitNanos() {
        return lastCommitNanos;
    }

    void stop() {
        running = false;
    }
}
