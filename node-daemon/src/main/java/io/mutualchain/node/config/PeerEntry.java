package io.mutualchain.node.config;

import io.mutualchain.core.crypto.PublicKey;

/**
 * A peer this node dials and accepts: its name (for logs), its node key (the link is authenticated
 * against it) and where it listens. Together with the chain's validators, the peers form the
 * node's allow-list; nobody else can connect.
 */
public record PeerEntry(String name, PublicKey publicKey, String host, int port) {
    public PeerEntry {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("peer name is missing");
        }
        if (publicKey == null) {
            throw new IllegalArgumentException("peer " + name + " has no publicKey");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("peer " + name + " has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("peer " + name + " port " + port + " is not a TCP port");
        }
    }
}
