package io.mutualchain.p2p.link;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.p2p.Channel;
import io.mutualchain.p2p.RefusalReason;
import io.mutualchain.p2p.secure.FrameCipher;
import io.mutualchain.p2p.secure.Handshake;
import io.mutualchain.p2p.secure.HandshakeRefused;
import io.mutualchain.p2p.secure.Refusal;
import io.mutualchain.p2p.secure.Role;
import io.mutualchain.p2p.secure.SessionKeys;
import io.mutualchain.p2p.secure.TamperedFrameException;
import io.mutualchain.p2p.wire.FrameDecoder;
import io.mutualchain.p2p.wire.FrameKind;
import io.mutualchain.p2p.wire.FrameRefusedException;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's life: hello, auth, admission, then application frames. Runs on the connection's
 * event loop only. Nothing the peer sends reaches the application before the peer has proved its
 * key, that key is allow-listed and not banned, and the chain matches; anything after a refusal is
 * discarded unread. After admission, a frame that does not authenticate, carries an unknown kind or
 * breaks the size limit is misbehaviour: the peer is banned and disconnected.
 */
final class PeerSession extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(PeerSession.class);

    private enum State { AWAIT_HELLO, AWAIT_AUTH, OPEN, CLOSED }

    private final LinkContext ctxShared;
    private final FrameDecoder decoder;
    private final Handshake handshake;
    private final boolean countsAsPending;
    private State state = State.AWAIT_HELLO;
    private FrameCipher sealer;
    private FrameCipher opener;
    private Link link;
    private ScheduledFuture<?> handshakeTimer;
    private boolean pendingReleased;

    PeerSession(LinkContext shared, FrameDecoder decoder, Role role, Optional<PublicKey> expectedPeer, boolean countsAsPending) {
        this.ctxShared = shared;
        this.decoder = decoder;
        this.countsAsPending = countsAsPending;
        this.handshake = new Handshake(role, shared.identity(), shared.info(), shared.allowList(), expectedPeer, shared.random());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(handshake.hello()));
        long timeoutNanos = ctxShared.config().handshakeTimeout().toNanos();
        handshakeTimer = ctx.executor().schedule(() -> refuse(ctx, new Refusal(RefusalReason.HANDSHAKE_TIMEOUT,
                "no complete handshake within " + ctxShared.config().handshakeTimeout())), timeoutNanos, TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            switch (state) {
                case AWAIT_HELLO -> onHello(ctx, ((FrameDecoder.Hello) msg).bytes());
                case AWAIT_AUTH -> onAuth(ctx, (byte[]) msg);
                case OPEN -> onFrame(ctx, (byte[]) msg);
                case CLOSED -> { }
            }
        } catch (HandshakeRefused e) {
            refuse(ctx, e.refusal());
        }
    }

    private void onHello(ChannelHandlerContext ctx, byte[] hello) throws HandshakeRefused {
        SessionKeys keys = handshake.onPeerHello(hello);
        sealer = FrameCipher.sealing(keys.sendKey());
        opener = FrameCipher.opening(keys.receiveKey());
        ctx.writeAndFlush(Unpooled.wrappedBuffer(sealer.seal(FrameKind.AUTH, handshake.ourAuth())));
        state = State.AWAIT_AUTH;
    }

    private void onAuth(ChannelHandlerContext ctx, byte[] frame) throws HandshakeRefused {
        byte[] plain;
        try {
            plain = opener.open(frame);
        } catch (TamperedFrameException e) {
            throw new HandshakeRefused(new Refusal(RefusalReason.MALFORMED_AUTH, e.getMessage()));
        }
        if (plain[0] != FrameKind.AUTH) {
            throw new HandshakeRefused(new Refusal(RefusalReason.MALFORMED_AUTH, "first frame has kind " + plain[0] + ", not auth"));
        }
        PublicKey peer = handshake.acceptPeerAuth(Arrays.copyOfRange(plain, 1, plain.length));
        Link candidate = new Link(peer, ctx.channel(), handshake.role() == Role.INITIATOR, sealer,
                new OutboundQueues(ctxShared.config()), ctxShared.counters());
        Optional<Refusal> refusal = ctxShared.registry().admit(candidate);
        if (refusal.isPresent()) {
            throw new HandshakeRefused(refusal.get());
        }
        link = candidate;
        state = State.OPEN;
        decoder.setMaxPayloadBytes(ctxShared.config().maxFrameBytes());
        leaveHandshake();
        LOG.info("p2p: {} is up", link);
        link.drain();
    }

    private void onFrame(ChannelHandlerContext ctx, byte[] frame) {
        byte[] plain;
        try {
            plain = opener.open(frame);
        } catch (TamperedFrameException e) {
            misbehaved(ctx, "sent a frame that does not authenticate (" + e.getMessage() + ")");
            return;
        }
        int kind = plain[0] & 0xff;
        if (kind == FrameKind.PING) {
            return;
        }
        Optional<Channel> channel = Channel.fromWireCode(kind);
        if (channel.isEmpty()) {
            misbehaved(ctx, "sent a frame of unknown kind " + kind);
            return;
        }
        byte[] payload = Arrays.copyOfRange(plain, 1, plain.length);
        ctxShared.counters().frameIn(channel.get(), payload.length);
        try {
            ctxShared.handler().onMessage(link.peer(), channel.get(), payload);
        } catch (RuntimeException e) {
            LOG.warn("p2p: the inbound handler failed on a {} message from {}; the link stays up", channel.get(), link.peer(), e);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (link != null && ctx.channel().isWritable()) {
            link.drain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle && state == State.OPEN) {
            switch (idle.state()) {
                case WRITER_IDLE -> link.ping();
                case READER_IDLE -> {
                    LOG.info("p2p: {} has been silent too long; closing it", link);
                    ctx.close();
                }
                default -> { }
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof FrameRefusedException refused) {
            if (state == State.OPEN) {
                misbehaved(ctx, "broke framing: " + refused.getMessage());
            } else {
                refuse(ctx, new Refusal(RefusalReason.BAD_FRAME, refused.getMessage()));
            }
        } else if (root instanceof IOException) {
            LOG.debug("p2p: connection {} failed: {}", ctx.channel().remoteAddress(), root.toString());
            ctx.close();
        } else {
            LOG.warn("p2p: unexpected failure on connection {}; closing it", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.CLOSED;
        leaveHandshake();
        if (link != null) {
            ctxShared.registry().removed(link);
            link.discardQueued();
            LOG.info("p2p: {} is down", link);
        }
        ctx.fireChannelInactive();
    }

    private void misbehaved(ChannelHandlerContext ctx, String what) {
        state = State.CLOSED;
        decoder.discardEverything();
        LOG.warn("p2p: peer {} {}; banning it for {}", link.peer(), what, ctxShared.config().banDuration());
        ctxShared.registry().ban(link.peer(), ctxShared.config().banDuration().toNanos());
        ctx.close();
    }

    private void refuse(ChannelHandlerContext ctx, Refusal refusal) {
        if (state == State.CLOSED || state == State.OPEN && refusal.reason() == RefusalReason.HANDSHAKE_TIMEOUT) {
            return;
        }
        state = State.CLOSED;
        decoder.discardEverything();
        ctxShared.counters().refused(refusal.reason());
        warnRefused(ctxShared.refusalLog(), ctx.channel().remoteAddress(), refusal.toString());
        ctx.close();
    }

    /** Every refusal is a WARN an operator should see, bounded per host by {@link RefusalLog}; the counters count them all. */
    static void warnRefused(RefusalLog log, java.net.SocketAddress remote, String refusal) {
        String host = remote instanceof java.net.InetSocketAddress in ? in.getHostString() : String.valueOf(remote);
        long leftOut = log.refused(host, System.nanoTime());
        if (leftOut != RefusalLog.SILENT) {
            LOG.warn("p2p: refused connection {}: {}{}", remote, refusal,
                    leftOut == 0 ? "" : " (" + leftOut + " earlier refusals from " + host + " not logged)");
        }
    }

    private void leaveHandshake() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        if (countsAsPending && !pendingReleased) {
            pendingReleased = true;
            ctxShared.pendingHandshakes().decrementAndGet();
        }
    }
}
