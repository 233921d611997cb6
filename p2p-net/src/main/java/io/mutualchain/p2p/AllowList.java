package io.mutualchain.p2p;

import io.mutualchain.core.crypto.PublicKey;
import java.util.Set;

/**
 * Who may link with this node, asked once per handshake after the peer has proved its key. A
 * function rather than a fixed set because the daemon's answer changes while it runs: a validator
 * voted in by the ledger may connect from the moment the ledger knows it. Must be thread-safe and
 * cheap: it runs on I/O threads.
 */
@FunctionalInterface
public interface AllowList {
    boolean allows(PublicKey peer);

    /** A fixed list. */
    static AllowList of(Set<PublicKey> keys) {
        Set<PublicKey> copy = Set.copyOf(keys);
        return copy::contains;
    }
}
