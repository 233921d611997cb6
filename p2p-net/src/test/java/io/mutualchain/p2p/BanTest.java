package io.mutualchain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BanTest {
    private static final Duration SHORT_BAN = Duration.ofSeconds(2);

    @Test
    void aPenalizedPeerIsDisconnectedRefusedWhileBannedAndWelcomeAgainAfterTheBan() throws Exception {
        List<KeyPair> keys = TestNet.keys(2);
        Set<PublicKey> allow = TestNet.allowList(keys);
        try (TestNet net = new TestNet(); LogCapture log = new LogCapture()) {
            Recorder ra = new Recorder();
            P2pNode a = net.start(TestNet.fastConfig(0, List.of()).withBanDuration(SHORT_BAN), keys.get(0), allow, TestNet.CHAIN, ra);
            P2pNode b = net.start(TestNet.fastConfig(0, List.of(TestNet.addressOf(a))), keys.get(1), allow, TestNet.CHAIN, new Recorder());
            PublicKey kb = b.publicKey();
            Eventually.await("linked", () -> a.connectedPeers().contains(kb));

            a.penalize(kb, "sent a conflicting PREPARE");
            log.awaitWarnContaining(kb.toHex(), "sent a conflicting PREPARE");
            assertThat(a.stats().bans()).isEqualTo(1);
            Eventually.await("a dropped b", () -> !a.connectedPeers().contains(kb) && ra.disconnectEvents.contains(kb));

            Eventually.await("b's redials are refused as banned", () -> a.stats().refusals(RefusalReason.BANNED) >= 2);
            // Still inside the ban (it cannot have ended before the second refusal was counted).
            assertThat(ra.connectEvents).containsExactly(kb);
            assertThat(a.send(kb, Channel.CONSENSUS, new byte[] {1})).isFalse();

            // b sends next, and each side admits the link at its own moment: wait for both.
            Eventually.await("b is linked again after the ban",
                    () -> a.connectedPeers().contains(kb) && b.connectedPeers().contains(a.publicKey()));
            assertThat(ra.connectEvents).containsExactly(kb, kb);
            byte[] again = "again".getBytes(StandardCharsets.UTF_8);
            assertThat(b.send(a.publicKey(), Channel.CONSENSUS, again)).isTrue();
            Eventually.await("and delivers again", () -> ra.got(kb, Channel.CONSENSUS, again));
        }
    }
}
