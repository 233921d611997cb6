package io.mutualchain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeshTest {

    private static byte[] payload(PublicKey from, PublicKey to, Channel c) {
        return (c + " from " + from.toHex().substring(0, 8) + " to " + to.toHex().substring(0, 8)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void twoNodesExchangeMessagesOnEveryChannelInBothDirections() throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        Set<PublicKey> allow = TestNet.allowList(keys);
        try (TestNet net = new TestNet()) {
            Recorder ra = new Recorder();
            Recorder rb = new Recorder();
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()), keys.get(0), allow, TestNet.CHAIN, ra);
            P2pNode b = net.start(TestNet.fastConfig(0, List.of(TestNet.addressOf(a))), keys.get(1), allow, TestNet.CHAIN, rb);
            PublicKey ka = a.publicKey();
            PublicKey kb = b.publicKey();

            Eventually.await("both see the link", () -> a.connectedPeers().equals(Set.of(kb)) && b.connectedPeers().equals(Set.of(ka)));
            Eventually.await("both handlers heard onConnected", () -> ra.connected.contains(kb) && rb.connected.contains(ka));
            for (Channel c : Channel.values()) {
                assertThat(a.send(kb, c, payload(ka, kb, c))).isTrue();
                assertThat(b.send(ka, c, payload(kb, ka, c))).isTrue();
            }
            for (Channel c : Channel.values()) {
                Eventually.await("b got " + c, () -> rb.got(ka, c, payload(ka, kb, c)));
                Eventually.await("a got " + c, () -> ra.got(kb, c, payload(kb, ka, c)));
            }
            assertThat(ra.messages).hasSize(Channel.values().length);
            assertThat(rb.messages).hasSize(Channel.values().length);
            for (Channel c : Channel.values()) {
                assertThat(a.stats().framesOut(c)).isEqualTo(1);
                assertThat(b.stats().framesIn(c)).isEqualTo(1);
            }
        }
    }

    @Test
    void fourNodesFormAFullMeshAndEveryPairExchangesOnEveryChannel() throws Exception {
        List<KeyPair> keys = TestNet.keys(4);
        Set<PublicKey> allow = TestNet.allowList(keys);
        try (TestNet net = new TestNet()) {
            List<P2pNode> nodes = new ArrayList<>();
            List<Recorder> recorders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                List<PeerAddress> earlier = nodes.stream().map(TestNet::addressOf).toList();
                Recorder r = new Recorder();
                recorders.add(r);
                nodes.add(net.start(TestNet.fastConfig(0, earlier), keys.get(i), allow, TestNet.CHAIN, r));
            }
            Eventually.await("every node links the three others", () -> nodes.stream().allMatch(n -> n.connectedPeers().size() == 3));

            for (P2pNode from : nodes) {
                for (Channel c : Channel.values()) {
                    assertThat(from.broadcast(c, (c + " broadcast by " + from.publicKey()).getBytes(StandardCharsets.UTF_8))).isEqualTo(3);
                }
            }
            for (int i = 0; i < 4; i++) {
                Recorder r = recorders.get(i);
                for (P2pNode from : nodes) {
                    if (from == nodes.get(i)) {
                        continue;
                    }
                    for (Channel c : Channel.values()) {
                        byte[] expected = (c + " broadcast by " + from.publicKey()).getBytes(StandardCharsets.UTF_8);
                        Eventually.await("node " + i + " got " + c + " from " + from.publicKey(), () -> r.got(from.publicKey(), c, expected));
                    }
                }
            }
            for (Recorder r : recorders) {
                assertThat(r.messages).hasSize(3 * Channel.values().length);
            }
        }
    }

    @Test
    void anObserverKeyThatIsNotAValidatorConnectsTheSameWay() throws Exception {
        // The transport has no notion of roles: any allow-listed key links, even one that never dials.
        List<KeyPair> keys = TestNet.keys(2);
        Set<PublicKey> allow = TestNet.allowList(keys);
        try (TestNet net = new TestNet()) {
            Recorder observer = new Recorder();
            P2pNode validator = net.start(TestNet.fastConfig(0, List.of()), keys.get(0), allow, TestNet.CHAIN, new Recorder());
            P2pNode obs = net.start(TestNet.fastConfig(0, List.of(TestNet.addressOf(validator))), keys.get(1), allow, TestNet.CHAIN, observer);
            Eventually.await("the observer is linked", () -> validator.connectedPeers().contains(obs.publicKey()));
            byte[] block = "block 7".getBytes(StandardCharsets.UTF_8);
            assertThat(validator.broadcast(Channel.BLOCK_SYNC, block)).isEqualTo(1);
            Eventually.await("the observer got the block", () -> observer.got(validator.publicKey(), Channel.BLOCK_SYNC, block));
        }
    }

    @Test
    void sendingToAPeerThatIsNotLinkedReturnsFalseAndCountsTheDrop() throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        try (TestNet net = new TestNet()) {
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()), keys.get(0), TestNet.allowList(keys), TestNet.CHAIN, new Recorder());
            assertThat(a.send(keys.get(1).publicKey(), Channel.CONSENSUS, new byte[] {1})).isFalse();
            assertThat(a.broadcast(Channel.TX_GOSSIP, new byte[] {1})).isZero();
            assertThat(a.stats().dropped(Channel.CONSENSUS)).isEqualTo(1);
        }
    }

    @Test
    void startingOnAPortThatIsTakenFailsWithAClearMessage() throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        try (TestNet net = new TestNet()) {
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()), keys.get(0), TestNet.allowList(keys), TestNet.CHAIN, new Recorder());
            P2pNode b = new P2pNode(TestNet.fastConfig(a.port(), List.of()), keys.get(1), TestNet.allowList(keys), TestNet.CHAIN, new Recorder());
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(b::start)
                        .isInstanceOf(java.io.IOException.class)
                        .hasMessageContaining("cannot listen on 127.0.0.1:" + a.port());
            } finally {
                b.close();
            }
        }
    }
}
