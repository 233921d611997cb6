package io.mutualchain.node.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.node.net.Network;
import io.mutualchain.p2p.Channel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What gossip sends whom: a peer whose link comes up gets what is pending here at once. */
class TxGossipTest {
    private record Sent(PublicKey to, Channel channel, byte[] payload) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Network network = new Network() {
        @Override
        public void send(PublicKey to, Channel channel, byte[] payload) {
            sent.add(new Sent(to, channel, payload));
        }

        @Override
        public void broadcast(Channel channel, byte[] payload) {
            sent.add(new Sent(null, channel, payload));
        }

        @Override
        public Set<PublicKey> connected() {
            return Set.of();
        }

        @Override
        public void penalize(PublicKey peer, String reason) {
        }
    };
    private final ExecutorService admission = Executors.newSingleThreadExecutor();
    private final TxGossip gossip = new TxGossip(network, raw -> true, admission);

    @AfterEach
    void stopAdmission() {
        admission.shutdownNow();
    }
    private final PublicKey peer = KeyPair.generate().publicKey();

    @Test
    void aPeerWhoseLinkComesUpIsSentThePendingTransactionsInOneBatch() {
        List<byte[]> pending = List.of(new byte[] {1}, new byte[] {2, 2}, new byte[] {3});

        gossip.sendPendingTo(peer, pending);

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).to()).isEqualTo(peer);
        assertThat(sent.get(0).channel()).isEqualTo(Channel.TX_GOSSIP);
        assertThat(TxBatch.decode(sent.get(0).payload())).containsExactlyElementsOf(pending);
    }

    @Test
    void nothingIsSentWhenNothingIsPendingAndAtMostOneBatchWhenMuchIs() {
        gossip.sendPendingTo(peer, List.of());
        assertThat(sent).isEmpty();

        gossip.sendPendingTo(peer, Collections.nCopies(TxBatch.MAX_TXS + 5, new byte[] {7}));
        assertThat(sent).hasSize(1);
        assertThat(TxBatch.decode(sent.get(0).payload())).hasSize(TxBatch.MAX_TXS);
    }
}
