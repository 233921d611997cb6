package io.mutualchain.p2p;

import io.mutualchain.core.crypto.PublicKey;

/**
 * Where received payloads go. Called on Netty event-loop threads: implementations must be quick
 * and must not block (the daemon enqueues and returns), because a blocked call stops reading from
 * every connection served by that thread. A runtime exception thrown here is logged and the link
 * stays up: a bug in the application is not the peer's misbehaviour.
 */
public interface InboundHandler {
    void onMessage(PublicKey from, Channel channel, byte[] payload);

    /** The peer has an authenticated link (fired once per transition from not connected to connected). */
    default void onConnected(PublicKey peer) {
    }

    /** The peer's link is gone and no replacement took its place. */
    default void onDisconnected(PublicKey peer) {
    }
}
