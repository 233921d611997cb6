package io.mutualchain.p2p.link;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.p2p.RefusalReason;
import io.mutualchain.p2p.secure.AuthMessage;
import io.mutualchain.p2p.secure.Role;
import io.mutualchain.p2p.wire.FrameDecoder;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds each connection's pipeline: idle detection, framing, session. Accepted connections are
 * counted against the pending-handshake bound first, so a flood of unauthenticated sockets is shed
 * at accept time instead of each holding a handshake's state until its timeout.
 */
public final class LinkInitializer extends ChannelInitializer<SocketChannel> {
    /** A link silent for this many keepalive intervals is presumed dead. */
    static final int SILENT_INTERVALS_BEFORE_CLOSE = 3;

    private final LinkContext shared;
    private final Role role;
    private final Optional<PublicKey> expectedPeer;

    private LinkInitializer(LinkContext shared, Role role, Optional<PublicKey> expectedPeer) {
        this.shared = shared;
        this.role = role;
        this.expectedPeer = expectedPeer;
    }

    public static LinkInitializer accepting(LinkContext shared) {
        return new LinkInitializer(shared, Role.RESPONDER, Optional.empty());
    }

    public static LinkInitializer dialling(LinkContext shared, PublicKey expectedPeer) {
        return new LinkInitializer(shared, Role.INITIATOR, Optional.of(expectedPeer));
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        shared.sockets().add(ch);
        boolean accepted = role == Role.RESPONDER;
        if (accepted && shared.pendingHandshakes().incrementAndGet() > shared.config().maxPendingHandshakes()) {
            shared.pendingHandshakes().decrementAndGet();
            shared.counters().refused(RefusalReason.TOO_MANY_PENDING_HANDSHAKES);
            PeerSession.warnRefused(shared.refusalLog(), ch.remoteAddress(), RefusalReason.TOO_MANY_PENDING_HANDSHAKES
                    + ": more than " + shared.config().maxPendingHandshakes() + " connections are in their handshake");
            ch.close();
            return;
        }
        long keepaliveNanos = shared.config().keepaliveInterval().toNanos();
        FrameDecoder decoder = new FrameDecoder(AuthMessage.MAX_ENCODED_BYTES);
        ch.pipeline()
                .addLast("idle", new IdleStateHandler(SILENT_INTERVALS_BEFORE_CLOSE * keepaliveNanos, keepaliveNanos, 0, TimeUnit.NANOSECONDS))
                .addLast("frames", decoder)
                .addLast("session", new PeerSession(shared, decoder, role, expectedPeer, accepted));
    }
}
