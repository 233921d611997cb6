package io.mutualchain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two real transports on loopback running with one node key, both dialling a third node: the third
 * names the key in a WARN and counts the conflict. A single process per key, linked and left alone,
 * never does.
 */
class KeyConflictTest {

    @Test
    void twoNodesRunningWithOneKeyAreNamedInAWarnByTheirPeerAndCounted() throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        KeyPair shared = keys.get(0);
        Set<PublicKey> allow = TestNet.allowList(keys);
        int pa = TestNet.freePort();
        try (TestNet net = new TestNet(); LogCapture log = new LogCapture()) {
            P2pNode b = net.start(TestNet.fastConfig(0, List.of(new PeerAddress(shared.publicKey(), TestNet.HOST, pa))), keys.get(1), allow,
                    TestNet.CHAIN, new Recorder());
            PeerAddress toB = TestNet.addressOf(b);
            net.start(TestNet.fastConfig(pa, List.of(toB)), shared, allow, TestNet.CHAIN, new Recorder());
            net.start(TestNet.fastConfig(0, List.of(toB)), shared, allow, TestNet.CHAIN, new Recorder());

            log.awaitWarnContaining("key " + shared.publicKey(), "two processes are running with this node key");
            assertThat(b.stats().keyConflicts()).isPositive();
        }
    }

    @Test
    void oneProcessPerKeyLinkedForAWhileIsNeverReportedAsAConflict() throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        Set<PublicKey> allow = TestNet.allowList(keys);
        int pa = TestNet.freePort();
        int pb = TestNet.freePort();
        try (TestNet net = new TestNet(); LogCapture log = new LogCapture()) {
            // Both dial each other at once: the one second connection a simultaneous dial makes is not a conflict.
            P2pNode a = net.start(TestNet.fastConfig(pa, List.of(new PeerAddress(keys.get(1).publicKey(), TestNet.HOST, pb))), keys.get(0),
                    allow, TestNet.CHAIN, new Recorder());
            P2pNode b = net.start(TestNet.fastConfig(pb, List.of(new PeerAddress(keys.get(0).publicKey(), TestNet.HOST, pa))), keys.get(1),
                    allow, TestNet.CHAIN, new Recorder());
            Eventually.await("linked", () -> a.connectedPeers().size() == 1 && b.connectedPeers().size() == 1);
            Thread.sleep(Duration.ofSeconds(2).toMillis());
            assertThat(a.stats().keyConflicts()).isZero();
            assertThat(b.stats().keyConflicts()).isZero();
            assertThat(log.hasWarnContaining("two processes")).isFalse();
        }
    }

    @Test
    void everyHandshakeRefusalIsAWarnNamingItsReason() throws Exception {
        List<KeyPair> keys = TestNet.keys(1);
        try (TestNet net = new TestNet(); LogCapture log = new LogCapture()) {
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()), keys.get(0), TestNet.allowList(keys), TestNet.CHAIN, new Recorder());
            try (java.net.Socket s = new java.net.Socket(TestNet.HOST, a.port())) {
                s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".repeat(8).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                RawSocket.readUntilClosed(s);
            }
            log.awaitWarnContaining("refused connection", "BAD_HELLO");
            assertThat(a.stats().refusals(RefusalReason.BAD_HELLO)).isEqualTo(1);
        }
    }
}
