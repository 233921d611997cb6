package io.mutualchain.rpc.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.rpc.SubscribedChain;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One connection whose transport throws must not stop the notifications of the others. */
class SubscriptionHubIsolationTest {
    private static final long WAIT_MS = TimeUnit.SECONDS.toMillis(10);

    @Test
    void aConnectionThatThrowsIsClosedAndTheOthersKeepGettingEveryBlock() throws InterruptedException {
        SubscribedChain chain = new SubscribedChain();
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        try (SubscriptionHub hub = new SubscriptionHub(chain.node, chain.chain, SubscriptionHub.DEFAULT_LAG_BLOCKS_MAX)) {
            hub.start();
            Subscriptions broken = hub.open(m -> {
                throw new IllegalStateException("transport bug");
            }, 4);
            Subscriptions healthy = hub.open(m -> received.add(m), 4);
            broken.subscribe(SubscriptionFilter.of(Topic.NEW_BLOCKS));
            broken.answerThenActivate(() -> { });
            healthy.subscribe(SubscriptionFilter.of(Topic.NEW_BLOCKS));
            healthy.answerThenActivate(() -> { });

            chain.commitEmptyBlock();
            chain.commitEmptyBlock();
            chain.commitEmptyBlock();

            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (received.size() < 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(received).as("notifications of the healthy connection").hasSize(3);
            assertThat(broken.size()).as("the failing connection's subscriptions are closed").isZero();
            assertThat(hub.sessions()).isEqualTo(1);
        }
    }
}
