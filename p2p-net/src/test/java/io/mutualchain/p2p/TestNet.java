package io.mutualchain.p2p;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Sha256;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Nodes on loopback for one test, closed together. Timings are short so that bounded waits stay short. */
final class TestNet implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final HandshakeInfo CHAIN = new HandshakeInfo("mutualchain-test", Sha256.hash("genesis".getBytes(StandardCharsets.UTF_8)), 1);

    final List<P2pNode> nodes = new ArrayList<>();

    static P2pConfig fastConfig(int port, List<PeerAddress> peers) {
        return P2pConfig.defaults(port, peers)
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(300))
                .withHandshakeTimeout(Duration.ofSeconds(3))
                .withBanDuration(Duration.ofSeconds(30));
    }

    static List<KeyPair> keys(int n) {
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(KeyPair.generate());
        }
        return keys;
    }

    static Set<PublicKey> allowList(List<KeyPair> keys) {
        Set<PublicKey> s = new HashSet<>();
        keys.forEach(k -> s.add(k.publicKey()));
        return s;
    }

    static PeerAddress addressOf(P2pNode node) {
        return new PeerAddress(node.publicKey(), HOST, node.port());
    }

    /** A port that was free a moment ago (for tests that must know a port before the node binds it). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    P2pNode start(P2pConfig config, KeyPair key, Set<PublicKey> allow, HandshakeInfo info, InboundHandler handler) throws IOException {
        return start(config, key, AllowList.of(allow), info, handler);
    }

    P2pNode start(P2pConfig config, KeyPair key, AllowList allow, HandshakeInfo info, InboundHandler handler) throws IOException {
        P2pNode n = new P2pNode(config, key, allow, info, handler);
        nodes.add(n);
        n.start();
        return n;
    }

    @Override
    public void close() {
        for (P2pNode n : nodes) {
            n.close();
        }
    }
}
