package io.mutualchain.p2p;

import io.mutualchain.core.crypto.Hash32;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What two nodes must agree on before they exchange anything: the same chain (id and genesis hash)
 * and the same wire protocol version. It travels inside the signed handshake, so a peer cannot lie
 * about it without its signature failing.
 */
public record HandshakeInfo(String chainId, Hash32 genesisHash, int protocolVersion) {
    /** The longest chain id the handshake carries; bounds what an unauthenticated peer can make us decode. */
    public static final int CHAIN_ID_MAX_BYTES = 128;

    public HandshakeInfo {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(genesisHash, "genesisHash");
        if (chainId.isEmpty() || chainId.getBytes(StandardCharsets.UTF_8).length > CHAIN_ID_MAX_BYTES) {
            throw new IllegalArgumentException("chain id must be 1.." + CHAIN_ID_MAX_BYTES + " UTF-8 bytes");
        }
        if (protocolVersion < 0) {
            throw new IllegalArgumentException("protocol version must not be negative, was " + protocolVersion);
        }
    }
}
