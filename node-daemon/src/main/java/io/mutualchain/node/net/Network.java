package io.mutualchain.node.net;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.p2p.Channel;
import java.util.Set;

/** What the node's loops need of the P2P transport; {@link #NONE} for a node without peers. */
public interface Network {
    Network NONE = new Network() {
        @Override
        public void send(PublicKey to, Channel channel, byte[] payload) {
        }

        @Override
        public void broadcast(Channel channel, byte[] payload) {
        }

        @Override
        public Set<PublicKey> connected() {
            return Set.of();
        }

        @Override
        public void penalize(PublicKey peer, String reason) {
        }
    };

    void send(PublicKey to, Channel channel, byte[] payload);

    void broadcast(Channel channel, byte[] payload);

    Set<PublicKey> connected();

    /** The peer misbehaved (garbage, forged signatures): disconnect and ban it for a while. */
    void penalize(PublicKey peer, String reason);
}
