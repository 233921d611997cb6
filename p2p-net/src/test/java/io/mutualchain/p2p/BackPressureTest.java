package io.mutualchain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A peer that stops reading costs the sender at most its queue bounds. */
class BackPressureTest {
    private static final int GOSSIP_BOUND = 64;
    private static final int CONSENSUS_BOUND = 32;
    private static final int PAYLOAD_BYTES = 16 * 1024;
    /** 64 MiB of gossip: far more than the loopback socket buffers, the water mark and the queue together hold. */
    private static final int GOSSIP_SENT = 4096;
    private static final int CONSENSUS_SENT = 2048;
    private static final long STALL_LIMIT_SECONDS = 60;

    /** Blocks its event loop on the first message until released: from the sender's side, a peer that stopped reading. */
    static final class StalledReader extends Recorder {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch stalled = new CountDownLatch(1);

        @Override
        public void onMessage(PublicKey from, Channel channel, byte[] payload) {
            super.onMessage(from, channel, payload);
            stalled.countDown();
            try {
                release.await(STALL_LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aPeerThatStopsReadingOnlyFillsItsBoundedQueuesAndTheRestIsDroppedAndCounted() throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        Set<PublicKey> allow = TestNet.allowList(keys);
        StalledReader slow = new StalledReader();
        try (TestNet net = new TestNet()) {
            P2pConfig senderConfig = TestNet.fastConfig(0, List.of()).withMaxFrameBytes(1024 * 1024)
                    .withQueues(CONSENSUS_BOUND, GOSSIP_BOUND, 16, 4L * 1024 * 1024)
                    .withWriteBufferWaterMark(64 * 1024, 256 * 1024);
            P2pNode a = net.start(senderConfig, keys.get(0), allow, TestNet.CHAIN, new Recorder());
            P2pNode b = net.start(TestNet.fastConfig(0, List.of(TestNet.addressOf(a))), keys.get(1), allow, TestNet.CHAIN, slow);
            PublicKey kb = b.publicKey();
            Eventually.await("linked", () -> a.connectedPeers().contains(kb));
            try {
                int refused = 0;
                for (int i = 0; i < GOSSIP_SENT; i++) {
                    if (!a.send(kb, Channel.TX_GOSSIP, new byte[PAYLOAD_BYTES])) {
                        refused++;
                    }
                    assertThat(a.queued(kb, Channel.TX_GOSSIP)).isLessThanOrEqualTo(GOSSIP_BOUND);
                }
                assertThat(slow.stalled.await(STALL_LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
                assertThat(refused).isPositive();
                assertThat(a.stats().dropped(Channel.TX_GOSSIP)).isEqualTo(refused);

                for (int i = 0; i < CONSENSUS_SENT; i++) {
                    // Consensus never refuses: it makes room by dropping its oldest message.
                    assertThat(a.send(kb, Channel.CONSENSUS, numbered(i))).isTrue();
                    assertThat(a.queued(kb, Channel.CONSENSUS)).isLessThanOrEqualTo(CONSENSUS_BOUND);
                }
                assertThat(a.stats().dropped(Channel.CONSENSUS)).isPositive();
                assertThat(a.stats().peakQueued(Channel.TX_GOSSIP)).isEqualTo(GOSSIP_BOUND);
                assertThat(a.stats().peakQueued(Channel.CONSENSUS)).isEqualTo(CONSENSUS_BOUND);
                assertThat(a.connectedPeers()).contains(kb);
            } finally {
                slow.release.countDown();
            }
            // Once the peer reads again the link drains, and the newest consensus message survived the evictions.
            Eventually.await("the newest consensus message arrives", () -> slow.got(a.publicKey(), Channel.CONSENSUS, numbered(CONSENSUS_SENT - 1)));
            Eventually.await("every queue drained", () -> a.queued(kb, Channel.TX_GOSSIP) == 0 && a.queued(kb, Channel.CONSENSUS) == 0);
            // Which messages were evicted depends on how much the kernel's socket buffers took before the
            // reader stalled, so count them rather than name one: exactly the dropped ones never arrive.
            int arrived = 0;
            for (int i = 0; i < CONSENSUS_SENT; i++) {
                if (slow.got(a.publicKey(), Channel.CONSENSUS, numbered(i))) {
                    arrived++;
                }
            }
            assertThat(arrived).isEqualTo(CONSENSUS_SENT - (int) a.stats().dropped(Channel.CONSENSUS));
        }
    }

    private static byte[] numbered(int i) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(i).array();
    }
}
