package io.mutualchain.p2p;

import io.mutualchain.core.crypto.PublicKey;
import java.util.Objects;

/**
 * Where to dial a peer, and which key must answer there: a dialled peer that authenticates with any
 * other key (even an allow-listed one) is refused, so a wrong address in a config cannot silently
 * connect us to the wrong node.
 */
public record PeerAddress(PublicKey key, String host, int port) {
    public PeerAddress {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("peer host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("peer port must be in 1..65535, was " + port);
        }
    }

    @Override
    public String toString() {
        return key.toHex().substring(0, 12) + "@" + host + ":" + port;
    }
}
