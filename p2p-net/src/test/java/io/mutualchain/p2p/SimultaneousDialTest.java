package io.mutualchain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;

class SimultaneousDialTest {

    /** Repeated because which connection finishes its handshake first on each side varies from run to run. */
    @RepeatedTest(5)
    void twoNodesDiallingEachOtherAtOnceEndUpWithExactlyOneConnection() throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        Set<PublicKey> allow = TestNet.allowList(keys);
        int pa = TestNet.freePort();
        int pb = TestNet.freePort();
        PeerAddress addrA = new PeerAddress(keys.get(0).publicKey(), TestNet.HOST, pa);
        PeerAddress addrB = new PeerAddress(keys.get(1).publicKey(), TestNet.HOST, pb);
        try (TestNet net = new TestNet()) {
            Recorder ra = new Recorder();
            Recorder rb = new Recorder();
            P2pNode a = new P2pNode(TestNet.fastConfig(pa, List.of(addrB)), keys.get(0), allow, TestNet.CHAIN, ra);
            P2pNode b = new P2pNode(TestNet.fastConfig(pb, List.of(addrA)), keys.get(1), allow, TestNet.CHAIN, rb);
            net.nodes.add(a);
            net.nodes.add(b);
            a.start();
            b.start();

            Eventually.await("one socket each, linked", () -> a.openSockets() == 1 && b.openSockets() == 1
                    && a.connectedPeers().size() == 1 && b.connectedPeers().size() == 1);
            byte[] ping = "one link".getBytes(StandardCharsets.UTF_8);
            assertThat(a.send(b.publicKey(), Channel.CONSENSUS, ping)).isTrue();
            assertThat(b.send(a.publicKey(), Channel.CONSENSUS, ping)).isTrue();
            Eventually.await("both directions deliver", () -> ra.got(b.publicKey(), Channel.CONSENSUS, ping)
                    && rb.got(a.publicKey(), Channel.CONSENSUS, ping));
            assertThat(a.openSockets()).isEqualTo(1);
            assertThat(b.openSockets()).isEqualTo(1);
            // The application ends up told "connected" once more than "disconnected". A side that admitted the losing
            // connection before the winner finished its handshake legitimately sees up, down, up.
            assertThat(ra.connectEvents.size() - ra.disconnectEvents.size()).isEqualTo(1);
            assertThat(rb.connectEvents.size() - rb.disconnectEvents.size()).isEqualTo(1);
            assertThat(ra.connected).containsExactly(b.publicKey());
            assertThat(rb.connected).containsExactly(a.publicKey());
        }
    }
}
