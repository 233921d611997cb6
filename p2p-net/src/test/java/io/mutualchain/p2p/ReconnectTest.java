package io.mutualchain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconnectTest {

    @Test
    void theLinkComesBackWhenAPeerRestartsOnTheSamePortWithTheSameKey() throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        Set<PublicKey> allow = TestNet.allowList(keys);
        int port = TestNet.freePort();
        try (TestNet net = new TestNet()) {
            P2pNode a = net.start(TestNet.fastConfig(port, List.of()), keys.get(0), allow, TestNet.CHAIN, new Recorder());
            Recorder rb = new Recorder();
            P2pNode b = net.start(TestNet.fastConfig(0, List.of(new PeerAddress(keys.get(0).publicKey(), TestNet.HOST, port))),
                    keys.get(1), allow, TestNet.CHAIN, rb);
            Eventually.await("linked", () -> b.connectedPeers().contains(a.publicKey()));

            a.close();
            Eventually.await("b noticed", () -> b.connectedPeers().isEmpty() && rb.disconnectEvents.contains(a.publicKey()));
            Eventually.await("b is retrying", () -> b.stats().reconnects() >= 1);

            Recorder ra2 = new Recorder();
            P2pNode a2 = net.start(TestNet.fastConfig(port, List.of()), keys.get(0), allow, TestNet.CHAIN, ra2);
            Eventually.await("the link is back", () -> b.connectedPeers().contains(a2.publicKey()) && a2.connectedPeers().contains(b.publicKey()));
            byte[] msg = "after restart".getBytes(StandardCharsets.UTF_8);
            assertThat(b.send(a2.publicKey(), Channel.BLOCK_SYNC, msg)).isTrue();
            Eventually.await("delivered", () -> ra2.got(b.publicKey(), Channel.BLOCK_SYNC, msg));
            assertThat(rb.connectEvents).containsExactly(a.publicKey(), a.publicKey());
        }
    }

    @Test
    void theDiallingSideRestartingAlsoRelinks() throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        Set<PublicKey> allow = TestNet.allowList(keys);
        try (TestNet net = new TestNet()) {
            Recorder ra = new Recorder();
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()), keys.get(0), allow, TestNet.CHAIN, ra);
            P2pNode b = net.start(TestNet.fastConfig(0, List.of(TestNet.addressOf(a))), keys.get(1), allow, TestNet.CHAIN, new Recorder());
            Eventually.await("linked", () -> a.connectedPeers().contains(b.publicKey()));
            b.close();
            Eventually.await("a noticed", () -> a.connectedPeers().isEmpty());
            P2pNode b2 = net.start(TestNet.fastConfig(0, List.of(TestNet.addressOf(a))), keys.get(1), allow, TestNet.CHAIN, new Recorder());
            Eventually.await("relinked", () -> a.connectedPeers().contains(b2.publicKey()));
            assertThat(ra.connectEvents).hasSize(2);
        }
    }
}
