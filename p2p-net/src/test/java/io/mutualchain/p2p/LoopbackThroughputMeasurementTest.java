package io.mutualchain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A quick measurement over one loopback link, printed, never asserted on (speed depends on the
 * machine). What it does assert is that every message arrives: the sender never outruns its queue
 * bound, it waits for room instead, so nothing is dropped.
 */
class LoopbackThroughputMeasurementTest {
    private static final int SMALL_MESSAGES = 50_000;
    private static final int SMALL_BYTES = 1024;
    private static final int LARGE_MESSAGES = 200;
    private static final int LARGE_BYTES = 1024 * 1024;
    private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

    static final class Counting implements InboundHandler {
        final AtomicLong messages = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();

        @Override
        public void onMessage(PublicKey from, Channel channel, byte[] payload) {
            bytes.addAndGet(payload.length);
            messages.incrementAndGet();
        }
    }

    @Test
    void oneLinkCarriesSmallAndLargeMessagesWithoutLoss() throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        Set<PublicKey> allow = TestNet.allowList(keys);
        try (TestNet net = new TestNet()) {
            Counting sink = new Counting();
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()), keys.get(0), allow, TestNet.CHAIN, sink);
            P2pNode b = net.start(TestNet.fastConfig(0, List.of(TestNet.addressOf(a))), keys.get(1), allow, TestNet.CHAIN, new Recorder());
            Eventually.await("linked", () -> b.connectedPeers().contains(a.publicKey()));

            report("1 KiB on TX_GOSSIP", run(b, a.publicKey(), sink, Channel.TX_GOSSIP, SMALL_MESSAGES, SMALL_BYTES), SMALL_MESSAGES, SMALL_BYTES);
            report("1 MiB on BLOCK_SYNC", run(b, a.publicKey(), sink, Channel.BLOCK_SYNC, LARGE_MESSAGES, LARGE_BYTES), LARGE_MESSAGES, LARGE_BYTES);
            assertThat(b.stats().dropped(Channel.TX_GOSSIP) + b.stats().dropped(Channel.BLOCK_SYNC)).isZero();
        }
    }

    private static long run(P2pNode from, PublicKey to, Counting sink, Channel channel, int count, int size) {
        long before = sink.messages.get();
        byte[] payload = new byte[size];
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        long start = System.nanoTime();
        P2pConfig cfg = TestNet.fastConfig(0, List.of());
        // Room is measured in messages; the byte bound may be the tighter one for large payloads.
        long bound = Math.min(cfg.queueMax(channel), cfg.queueBytesMax() / size);
        for (int i = 0; i < count; i++) {
            while (from.queued(to, channel) >= bound / 2) {
                checkDeadline(deadline);
                Thread.onSpinWait();
            }
            assertThat(from.send(to, channel, payload)).isTrue();
        }
        Eventually.await("all " + count + " delivered", RUN_LIMIT, () -> sink.messages.get() - before == count);
        return System.nanoTime() - start;
    }

    private static void checkDeadline(long deadline) {
        if (System.nanoTime() - deadline > 0) {
            throw new AssertionError("the link made no room within " + RUN_LIMIT);
        }
    }

    private static void report(String what, long nanos, int count, int size) {
        double seconds = nanos / 1e9;
        System.out.printf("p2p loopback %s: %d messages in %.2f s = %.0f msg/s, %.1f MB/s%n",
                what, count, seconds, count / seconds, (double) count * size / seconds / 1e6);
    }
}
