package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.types.Address;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wallet on a running dev node subscribes to new blocks over WebSocket and sees the block that
 * commits its transfer, with every block before it delivered once and in order.
 */
class WebSocketSubscriptionIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Notifications read while looking for the transfer's block (the dev node may also commit empty blocks). */
    private static final int NOTIFICATIONS_MAX = 1_000;

    @TempDir
    Path tmp;

    @Test
    void aNewBlocksSubscriberSeesTheBlockThatCommitsATransfer() throws Exception {
        Path data = tmp.resolve("dev");
        int port = NodeProcess.freePort();
        try (NodeProcess node = NodeProcess.startDev(data, port, tmp.resolve("logs"))) {
            try (WsClient ws = WsClient.connect(port, WAIT)) {
                String id = ws.subscribe(1, "newBlocks");

                Cli.Result newKey = Cli.run("keys", "new", "--out", tmp.resolve("friend.key.json").toString(), "--json");
                assertThat(newKey.exitCode()).as(newKey.err()).isZero();
                Address friend = Address.parse(newKey.json().path("address").asText());
                Cli.Result sent = Cli.run("tx", "transfer", "--key", data.resolve("developer.key.json").toString(), "--to", friend.toString(),
                        "--amount", "1", "--rpc", "http://127.0.0.1:" + port, "--json");
                assertThat(sent.exitCode()).as(sent.err()).isZero();
                long height = sent.json().path("receipt").path("height").asLong();
                assertThat(height).isPositive();

                long previous = -1;
                JsonNode block = null;
                for (int i = 0; i < NOTIFICATIONS_MAX && block == null; i++) {
                    JsonNode n = ws.next();
                    assertThat(n.path("method").asText()).isEqualTo("mc_subscription");
                    assertThat(n.path("params").path("subscription").asText()).isEqualTo(id);
                    long h = n.path("params").path("result").path("height").asLong();
                    if (previous >= 0) {
                        assertThat(h).as("heights arrive once and in order").isEqualTo(previous + 1);
                    }
                    previous = h;
                    block = h == height ? n.path("params").path("result") : null;
                }
                assertThat(block).as("a notification for block " + height).isNotNull();
                assertThat(block.path("txCount").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(block.path("hash").asText())
                        .isEqualTo(node.client().call("mc_getBlockByNumber", height).path("hash").asText());
            }
        }
    }
}
