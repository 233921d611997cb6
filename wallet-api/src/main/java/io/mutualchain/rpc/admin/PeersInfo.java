package io.mutualchain.rpc.admin;

import io.mutualchain.core.crypto.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code admin_peers} answers: every configured peer and every connected one (a validator voted
 * in may connect without being configured), and the transport's counters when the node is networked.
 *
 * @param peers     configured peers first, in config order, then connected unconfigured ones
 * @param transport the transport's counters since start; empty on a node without networking
 */
public record PeersInfo(List<Peer> peers, Optional<Transport> transport) {
    public PeersInfo {
        peers = List.copyOf(peers);
        Objects.requireNonNull(transport, "transport");
    }

    /**
     * @param publicKey  the peer's node key
     * @param name       its configured name, or "" when it is not configured
     * @param address    host:port it is dialled at, or "" when it is not configured
     * @param configured whether the config lists it
     * @param connected  whether an authenticated link is up now
     */
    public record Peer(PublicKey publicKey, String name, String address, boolean configured, boolean connected) {
        public Peer {
            Objects.requireNonNull(publicKey, "publicKey");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Counters of the whole transport (the transport does not keep them per peer).
     *
     * @param framesIn        application frames received, all channels
     * @param framesOut       application frames written, all channels
     * @param payloadBytesIn  application payload bytes received
     * @param payloadBytesOut application payload bytes written
     * @param linksOpened     authenticated links established
     * @param bans            peers banned
     * @param openSockets     TCP connections open now, linked or in their handshake
     */
    public record Transport(long framesIn, long framesOut, long payloadBytesIn, long payloadBytesOut, long linksOpened, long bans,
                            int openSockets) {
    }
}
