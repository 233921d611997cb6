package io.mutualchain.p2p;

import java.util.Optional;

/**
 * The logical channels multiplexed over one peer connection. Each has its own outbound queue and
 * bound, so a flood on one (gossip) cannot delay another (consensus). The wire code is the frame's
 * kind byte inside the encryption; codes are fixed forever because both ends must agree on them.
 */
public enum Channel {
    CONSENSUS(1),
    TX_GOSSIP(2),
    BLOCK_SYNC(3);

    private final int wireCode;

    Channel(int wireCode) {
        this.wireCode = wireCode;
    }

    public int wireCode() {
        return wireCode;
    }

    public static Optional<Channel> fromWireCode(int code) {
        for (Channel c : values()) {
            if (c.wireCode == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
