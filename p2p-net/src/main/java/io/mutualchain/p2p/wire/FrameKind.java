package io.mutualchain.p2p.wire;

import io.mutualchain.p2p.Channel;

/**
 * The kind byte that starts every decrypted frame. Application channels use their
 * {@link Channel#wireCode()}; the two control kinds sit outside that range. Fixed forever: both ends
 * must agree on them.
 */
public final class FrameKind {
    /** The handshake's auth message: only ever the first frame in each direction. */
    public static final int AUTH = 0;
    /** Keepalive on an idle link; carries no payload and is never delivered. */
    public static final int PING = 0x7F;

    private FrameKind() {
    }

    public static int of(Channel channel) {
        return channel.wireCode();
    }
}
