package io.mutualchain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.p2p.secure.Handshake;
import java.io.OutputStream;
import java.net.Socket;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

/** Bytes the node did not ask for: it refuses them, and it keeps serving everyone else. */
class HostileInputTest {

    @Test
    void garbageBytesFromARawSocketAreRefusedAndTheNodeKeepsServing() throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        Set<PublicKey> allow = TestNet.allowList(keys);
        try (TestNet net = new TestNet()) {
            Recorder ra = new Recorder();
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()), keys.get(0), allow, TestNet.CHAIN, ra);
            byte[] garbage = new byte[4096];
            new Random(7).nextBytes(garbage);
            byte[] http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(http, 0, garbage, 0, http.length);
            try (Socket s = new Socket(TestNet.HOST, a.port())) {
                OutputStream out = s.getOutputStream();
                out.write(garbage);
                out.flush();
                assertThat(RawSocket.readUntilClosed(s)).isEqualTo(Handshake.HELLO_BYTES);
            }
            assertThat(a.stats().refusals(RefusalReason.BAD_HELLO)).isEqualTo(1);

            P2pNode b = net.start(TestNet.fastConfig(0, List.of(TestNet.addressOf(a))), keys.get(1), allow, TestNet.CHAIN, new Recorder());
            Eventually.await("a still links peers",
                    () -> a.connectedPeers().contains(b.publicKey()) && b.connectedPeers().contains(a.publicKey()));
            byte[] hello = "still here".getBytes(StandardCharsets.UTF_8);
            assertThat(b.send(a.publicKey(), Channel.TX_GOSSIP, hello)).isTrue();
            Eventually.await("a still delivers", () -> ra.got(b.publicKey(), Channel.TX_GOSSIP, hello));
        }
    }

    @Test
    void aValidHelloFollowedByAHugeLengthPrefixIsRefusedBeforeTheBodyIsBuffered() throws Exception {
        List<KeyPair> keys = TestNet.keys(1);
        try (TestNet net = new TestNet()) {
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()), keys.get(0), TestNet.allowList(keys), TestNet.CHAIN, new Recorder());
            // A well-formed hello with a real ephemeral key, so the node gets as far as reading frame headers.
            byte[] hello = new byte[Handshake.HELLO_BYTES];
            System.arraycopy(Handshake.MAGIC, 0, hello, 0, Handshake.MAGIC.length);
            byte[] scalar = new byte[X25519.SCALAR_SIZE];
            X25519.generatePrivateKey(new SecureRandom(), scalar);
            X25519.generatePublicKey(scalar, 0, hello, Handshake.MAGIC.length);
            try (Socket s = new Socket(TestNet.HOST, a.port())) {
                OutputStream out = s.getOutputStream();
                out.write(hello);
                out.write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
                out.flush();
                RawSocket.readUntilClosed(s);
            }
            Eventually.await("a refused the frame", () -> a.stats().refusals(RefusalReason.BAD_FRAME) == 1);
            assertThat(a.stats().rejectedHandshakes()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionThatNeverCompletesTheHandshakeIsClosedAtTheTimeout() throws Exception {
        List<KeyPair> keys = TestNet.keys(1);
        try (TestNet net = new TestNet()) {
            P2pConfig cfg = TestNet.fastConfig(0, List.of()).withHandshakeTimeout(Duration.ofMillis(300));
            P2pNode a = net.start(cfg, keys.get(0), TestNet.allowList(keys), TestNet.CHAIN, new Recorder());
            try (Socket s = new Socket(TestNet.HOST, a.port())) {
                assertThat(RawSocket.readUntilClosed(s)).isEqualTo(Handshake.HELLO_BYTES);
            }
            Eventually.await("the timeout is counted", () -> a.stats().refusals(RefusalReason.HANDSHAKE_TIMEOUT) == 1);
        }
    }

    @Test
    void connectionsBeyondThePendingHandshakeBoundAreShedAtAccept() throws Exception {
        List<KeyPair> keys = TestNet.keys(1);
        try (TestNet net = new TestNet()) {
            P2pConfig cfg = TestNet.fastConfig(0, List.of()).withMaxPendingHandshakes(2);
            P2pNode a = net.start(cfg, keys.get(0), TestNet.allowList(keys), TestNet.CHAIN, new Recorder());
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    idle.add(new Socket(TestNet.HOST, a.port()));
                }
                Eventually.await("three were shed", () -> a.stats().refusals(RefusalReason.TOO_MANY_PENDING_HANDSHAKES) == 3);
                assertThat(a.openSockets()).isEqualTo(2);
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aFrameAboveTheMaximumSizeDisconnectsAndBansThatPeerWhileTheNodeKeepsServingOthers() throws Exception {
        List<KeyPair> keys = TestNet.keys(3);
        Set<PublicKey> allow = TestNet.allowList(keys);
        int max = 64 * 1024;
        try (TestNet net = new TestNet(); LogCapture log = new LogCapture()) {
            Recorder ra = new Recorder();
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()).withMaxFrameBytes(max), keys.get(0), allow, TestNet.CHAIN, ra);
            // b's own limit is larger, so it will put an oversized frame on the wire.
            P2pNode b = net.start(TestNet.fastConfig(0, List.of(TestNet.addressOf(a))).withMaxFrameBytes(4 * max),
                    keys.get(1), allow, TestNet.CHAIN, new Recorder());
            P2pNode c = net.start(TestNet.fastConfig(0, List.of(TestNet.addressOf(a))), keys.get(2), allow, TestNet.CHAIN, new Recorder());
            // b and c send next: wait until each of them has admitted its link too, not only a.
            Eventually.await("a links b and c", () -> a.connectedPeers().equals(Set.of(b.publicKey(), c.publicKey()))
                    && b.connectedPeers().contains(a.publicKey()) && c.connectedPeers().contains(a.publicKey()));

            assertThat(b.send(a.publicKey(), Channel.BLOCK_SYNC, new byte[max + 1])).isTrue();
            Eventually.await("a banned b", () -> a.stats().bans() == 1 && !a.connectedPeers().contains(b.publicKey()));
            log.awaitWarnContaining(b.publicKey().toHex(), "broke framing");
            Eventually.await("b's redial is refused while banned", () -> a.stats().refusals(RefusalReason.BANNED) >= 1);
            assertThat(ra.messages).isEmpty();

            byte[] fine = new byte[max];
            assertThat(c.send(a.publicKey(), Channel.BLOCK_SYNC, fine)).isTrue();
            Eventually.await("a still serves c", () -> ra.got(c.publicKey(), Channel.BLOCK_SYNC, fine));
            assertThat(a.connectedPeers()).containsExactly(c.publicKey());
        }
    }
}
