package io.mutualchain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Who may become a link: allow-listed keys on the same chain and protocol, and nobody else. */
class AdmissionTest {

    @Test
    void aKeyTheAllowListAdmitsLaterCanLinkWithoutARestart() throws Exception {
        List<KeyPair> members = TestNet.keys(2);
        KeyPair joiner = KeyPair.generate();
        Set<PublicKey> allowed = ConcurrentHashMap.newKeySet();
        allowed.add(members.get(1).publicKey());
        try (TestNet net = new TestNet()) {
            Recorder ra = new Recorder();
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()), members.get(0), allowed::contains, TestNet.CHAIN, ra);
            P2pNode j = net.start(TestNet.fastConfig(0, List.of(TestNet.addressOf(a))), joiner,
                    Set.of(a.publicKey()), TestNet.CHAIN, new Recorder());
            Eventually.await("a refused the joiner", () -> a.stats().refusals(RefusalReason.NOT_ALLOW_LISTED) >= 1);
            assertThat(a.connectedPeers()).isEmpty();

            allowed.add(joiner.publicKey()); // e.g. the ledger has just approved it as a validator
            Eventually.await("the joiner's redial is admitted", () -> a.connectedPeers().contains(joiner.publicKey()));
            assertThat(ra.connectEvents).containsExactly(joiner.publicKey());
            assertThat(j.connectedPeers()).contains(a.publicKey());
        }
    }

    @Test
    void aNodeWhoseKeyIsNotAllowListedCannotConnectAndNoneOfItsMessagesIsDelivered() throws Exception {
        List<KeyPair> members = TestNet.keys(2);
        KeyPair outsider = KeyPair.generate();
        try (TestNet net = new TestNet(); LogCapture log = new LogCapture()) {
            Recorder ra = new Recorder();
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()), members.get(0), TestNet.allowList(members), TestNet.CHAIN, ra);
            // The outsider trusts a, so from its side the handshake succeeds and it starts sending at once.
            P2pNode x = net.start(TestNet.fastConfig(0, List.of(TestNet.addressOf(a))), outsider,
                    Set.of(a.publicKey(), outsider.publicKey()), TestNet.CHAIN, new Recorder());

            Eventually.await("a refused the outsider three times", () -> {
                for (Channel c : Channel.values()) {
                    x.send(a.publicKey(), c, "let me in".getBytes(StandardCharsets.UTF_8));
                }
                return a.stats().refusals(RefusalReason.NOT_ALLOW_LISTED) >= 3;
            });
            assertThat(ra.messages).isEmpty();
            assertThat(ra.connectEvents).isEmpty();
            assertThat(a.connectedPeers()).isEmpty();
            assertThat(a.stats().framesIn(Channel.CONSENSUS) + a.stats().framesIn(Channel.TX_GOSSIP) + a.stats().framesIn(Channel.BLOCK_SYNC)).isZero();
            log.awaitWarnContaining("NOT_ALLOW_LISTED", outsider.publicKey().toHex());
        }
    }

    @Test
    void aPeerOnAnotherChainIdIsRefusedOnBothSidesWithAWarningNamingBothChains() throws Exception {
        HandshakeInfo other = new HandshakeInfo("some-other-chain", TestNet.CHAIN.genesisHash(), TestNet.CHAIN.protocolVersion());
        try (LogCapture log = new LogCapture()) {
            assertRefusedBothWays(other, RefusalReason.CHAIN_ID_MISMATCH);
            log.awaitWarnContaining("chain id mismatch", "'mutualchain-test'", "'some-other-chain'");
        }
    }

    @Test
    void aPeerWithAnotherGenesisHashIsRefusedOnBothSides() throws Exception {
        HandshakeInfo other = new HandshakeInfo(TestNet.CHAIN.chainId(), Sha256.hash(new byte[] {42}), TestNet.CHAIN.protocolVersion());
        try (LogCapture log = new LogCapture()) {
            assertRefusedBothWays(other, RefusalReason.GENESIS_MISMATCH);
            log.awaitWarnContaining("genesis hash mismatch", TestNet.CHAIN.genesisHash().toString());
        }
    }

    @Test
    void aPeerSpeakingAnotherProtocolVersionIsRefusedOnBothSides() throws Exception {
        HandshakeInfo other = new HandshakeInfo(TestNet.CHAIN.chainId(), TestNet.CHAIN.genesisHash(), TestNet.CHAIN.protocolVersion() + 1);
        assertRefusedBothWays(other, RefusalReason.PROTOCOL_VERSION_MISMATCH);
    }

    @Test
    void anAddressThatAnswersWithAnotherAllowListedKeyIsRefusedByTheDialler() throws Exception {
        List<KeyPair> keys = TestNet.keys(3);
        Set<PublicKey> allow = TestNet.allowList(keys);
        try (TestNet net = new TestNet()) {
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()), keys.get(0), allow, TestNet.CHAIN, new Recorder());
            PeerAddress wrong = new PeerAddress(keys.get(2).publicKey(), TestNet.HOST, a.port());
            P2pNode b = net.start(TestNet.fastConfig(0, List.of(wrong)), keys.get(1), allow, TestNet.CHAIN, new Recorder());
            Eventually.await("b refused the unexpected key", () -> b.stats().refusals(RefusalReason.UNEXPECTED_KEY) >= 1);
            assertThat(b.connectedPeers()).doesNotContain(keys.get(2).publicKey());
        }
    }

    private static void assertRefusedBothWays(HandshakeInfo otherChain, RefusalReason expected) throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        Set<PublicKey> allow = TestNet.allowList(keys);
        try (TestNet net = new TestNet()) {
            Recorder ra = new Recorder();
            Recorder rb = new Recorder();
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()), keys.get(0), allow, TestNet.CHAIN, ra);
            P2pNode b = net.start(TestNet.fastConfig(0, List.of(TestNet.addressOf(a))), keys.get(1), allow, otherChain, rb);
            Eventually.await("both sides refused with " + expected,
                    () -> a.stats().refusals(expected) >= 2 && b.stats().refusals(expected) >= 2);
            assertThat(a.connectedPeers()).isEmpty();
            assertThat(b.connectedPeers()).isEmpty();
            assertThat(ra.connectEvents).isEmpty();
            assertThat(rb.connectEvents).isEmpty();
            assertThat(b.stats().reconnects()).isPositive();
        }
    }
}
