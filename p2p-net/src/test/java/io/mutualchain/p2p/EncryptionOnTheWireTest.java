package io.mutualchain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an eavesdropper between two nodes sees: neither payloads nor identities nor the chain id. */
class EncryptionOnTheWireTest {

    @Test
    void aKnownPlaintextNeverAppearsInTheBytesOnTheWire() throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        Set<PublicKey> allow = TestNet.allowList(keys);
        byte[] secret = "MUTUAL-AID CLAIM #4711: pay 250 MTN to the Lin family".repeat(20).getBytes(StandardCharsets.UTF_8);
        byte[] marker = "MUTUAL-AID CLAIM #4711".getBytes(StandardCharsets.UTF_8);
        try (TestNet net = new TestNet()) {
            Recorder ra = new Recorder();
            Recorder rb = new Recorder();
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()), keys.get(0), allow, TestNet.CHAIN, ra);
            try (TcpProxy proxy = new TcpProxy(a.port())) {
                PeerAddress viaProxy = new PeerAddress(a.publicKey(), TestNet.HOST, proxy.port());
                P2pNode b = net.start(TestNet.fastConfig(0, List.of(viaProxy)), keys.get(1), allow, TestNet.CHAIN, rb);
                // Both directions send below, and each side admits the link at its own moment: wait for both.
                Eventually.await("linked through the proxy",
                        () -> a.connectedPeers().contains(b.publicKey()) && b.connectedPeers().contains(a.publicKey()));
                for (Channel c : Channel.values()) {
                    assertThat(b.send(a.publicKey(), c, secret)).isTrue();
                    assertThat(a.send(b.publicKey(), c, secret)).isTrue();
                }
                for (Channel c : Channel.values()) {
                    Eventually.await("a got it on " + c, () -> ra.got(b.publicKey(), c, secret));
                    Eventually.await("b got it on " + c, () -> rb.got(a.publicKey(), c, secret));
                }
                byte[] wire = proxy.captured();
                assertThat(wire.length).isGreaterThan(6 * secret.length);
                assertThat(indexOf(wire, marker)).as("plaintext on the wire").isEqualTo(-1);
                assertThat(indexOf(wire, a.publicKey().toBytes())).as("a's identity on the wire").isEqualTo(-1);
                assertThat(indexOf(wire, b.publicKey().toBytes())).as("b's identity on the wire").isEqualTo(-1);
                assertThat(indexOf(wire, TestNet.CHAIN.chainId().getBytes(StandardCharsets.UTF_8))).as("chain id on the wire").isEqualTo(-1);
                assertThat(indexOf(wire, TestNet.CHAIN.genesisHash().toBytes())).as("genesis hash on the wire").isEqualTo(-1);
            }
        }
    }

    @Test
    void theSameNeedleIsFoundWhenItIsThereSoTheSearchCanFail() {
        byte[] hay = "xxMUTUALyy".getBytes(StandardCharsets.UTF_8);
        assertThat(indexOf(hay, "MUTUAL".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(indexOf(hay, "MUTUAX".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
