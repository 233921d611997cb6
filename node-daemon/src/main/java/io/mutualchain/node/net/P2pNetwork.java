package io.mutualchain.node.net;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.p2p.Channel;
import io.mutualchain.p2p.P2pNode;
import java.util.Set;

/** {@link Network} over the P2P transport. */
public final class P2pNetwork implements Network {
    private final P2pNode p2p;

    public P2pNetwork(P2pNode p2p) {
        this.p2p = p2p;
    }

    @Override
    public void send(PublicKey to, Channel channel, byte[] payload) {
        p2p.send(to, channel, payload);
    }

    @Override
    public void broadcast(Channel channel, byte[] payload) {
        p2p.broadcast(channel, payload);
    }

    @Override
    public Set<PublicKey> connected() {
        return p2p.connectedPeers();
    }

    @Override
    public void penalize(PublicKey peer, String reason) {
        p2p.penalize(peer, reason);
    }
}
