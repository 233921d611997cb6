package io.mutualchain.p2p;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.p2p.link.BanList;
import io.mutualchain.p2p.link.Backoff;
import io.mutualchain.p2p.link.Counters;
import io.mutualchain.p2p.link.Dialer;
import io.mutualchain.p2p.link.Link;
import io.mutualchain.p2p.link.LinkContext;
import io.mutualchain.p2p.link.LinkInitializer;
import io.mutualchain.p2p.link.RefusalLog;
import io.mutualchain.p2p.link.PeerRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's transport: listens, keeps the configured peers dialled, and moves opaque payloads per
 * {@link Channel} over mutually authenticated, encrypted links (see docs/p2p.md for the handshake).
 * It never looks inside a payload. Thread-safe: {@link #send}, {@link #broadcast} and
 * {@link #penalize} may be called from any thread.
 */
public final class P2pNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(P2pNode.class);
    /** Lets in-flight writes finish on close, but never holds shutdown longer than the timeout. */
    private static final Duration SHUTDOWN_QUIET = Duration.ZERO;
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int SHORT_KEY_HEX = 8;

    private final P2pConfig config;
    private final KeyPair identity;
    private final AllowList allowList;
    private final HandshakeInfo info;
    private final InboundHandler handler;
    private final Counters counters = new Counters();
    private final PeerRegistry registry;
    /** Read from event loops on link events, so concurrent: never lock the node from an I/O thread. */
    private final Map<PublicKey, Dialer> dialers = new ConcurrentHashMap<>();
    private final ChannelGroup sockets = new DefaultChannelGroup("p2p-sockets", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup group;
    private io.netty.channel.Channel server;
    private volatile boolean closed;

    public P2pNode(P2pConfig config, KeyPair identity, Set<PublicKey> allowList, HandshakeInfo info, InboundHandler handler) {
        this(config, identity, AllowList.of(allowList), info, handler);
    }

    /** @param allowList asked at every handshake, so the answer may change while the node runs */
    public P2pNode(P2pConfig config, KeyPair identity, AllowList allowList, HandshakeInfo info, InboundHandler handler) {
        this.config = Objects.requireNonNull(config, "config");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.allowList = Objects.requireNonNull(allowList, "allowList");
        this.info = Objects.requireNonNull(info, "info");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.registry = new PeerRegistry(identity.publicKey(), new BanList(System::nanoTime), counters, new Events());
    }

    /** Binds the listening port and starts dialling the configured peers. */
    public synchronized void start() throws IOException {
        if (group != null) {
            throw new IllegalStateException("p2p node already started");
        }
        String name = "p2p-" + identity.publicKey().toHex().substring(0, SHORT_KEY_HEX);
        group = new MultiThreadIoEventLoopGroup(config.eventLoopThreads(), new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
        LinkContext shared = new LinkContext(config, identity, info, allowList, registry, counters, handler,
                new AtomicInteger(), sockets, new SecureRandom(), new RefusalLog());
        WriteBufferWaterMark waterMark = new WriteBufferWaterMark(config.writeBufferLowBytes(), config.writeBufferHighBytes());
        ServerBootstrap sb = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
                .childHandler(LinkInitializer.accepting(shared));
        try {
            server = sb.bind(config.listenHost(), config.listenPort()).sync().channel();
        } catch (Exception e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            group = null;
            throw new IOException("p2p: cannot listen on " + config.listenHost() + ":" + config.listenPort()
                    + " (" + e.getMessage() + "); is another node or program using that port?", e);
        }
        SplittableRandom jitter = new SplittableRandom(shared.random().nextLong());
        for (PeerAddress peer : config.peers()) {
            if (peer.key().equals(identity.publicKey()) || dialers.containsKey(peer.key())) {
                continue;
            }
            Bootstrap b = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
                    .handler(LinkInitializer.dialling(shared, peer.key()));
            Dialer d = new Dialer(peer, b, registry, new Backoff(config.reconnectMin(), config.reconnectMax(), jitter.split()),
                    counters, group.next(), config.keepaliveInterval().toNanos());
            dialers.put(peer.key(), d);
        }
        dialers.values().forEach(Dialer::start);
        LOG.info("p2p: node {} listening on {}, dialling {} peer(s)", identity.publicKey(), server.localAddress(), dialers.size());
    }

    /** The bound port (useful when the config asked for port 0). */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("p2p node not started");
        }
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public PublicKey publicKey() {
        return identity.publicKey();
    }

    /**
     * Queues a payload for one peer. False when the peer is not linked, the payload exceeds
     * {@link P2pConfig#maxFrameBytes()}, or the channel's queue refused it; each such case is counted
     * as dropped. True means queued, not delivered.
     */
    public boolean send(PublicKey to, Channel channel, byte[] payload) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
        if (payload.length > config.maxFrameBytes()) {
            counters.dropped(channel, 1);
            LOG.warn("p2p: refusing to send a {} payload of {} bytes (max {})", channel, payload.length, config.maxFrameBytes());
            return false;
        }
        Optional<Link> link = registry.link(to);
        if (link.isEmpty()) {
            counters.dropped(channel, 1);
            return false;
        }
        return link.get().enqueue(channel, payload);
    }

    /** Queues a payload for every linked peer; returns how many queued it. */
    public int broadcast(Channel channel, byte[] payload) {
        int queued = 0;
        for (PublicKey peer : registry.connected()) {
            if (send(peer, channel, payload)) {
                queued++;
            }
        }
        return queued;
    }

    public Set<PublicKey> connectedPeers() {
        return registry.connected();
    }

    /** Messages waiting in the peer's queue for a channel (0 if the peer is not linked). */
    public int queued(PublicKey peer, Channel channel) {
        return registry.link(peer).map(l -> l.queued(channel)).orElse(0);
    }

    /** Open TCP connections, linked or still in their handshake (one per linked peer once things settle). */
    public int openSockets() {
        return sockets.size();
    }

    /** Disconnects the peer and refuses it for {@link P2pConfig#banDuration()}. */
    public void penalize(PublicKey peer, String reason) {
        LOG.warn("p2p: penalizing peer {}: {}; banned for {}", peer, reason, config.banDuration());
        registry.ban(peer, config.banDuration().toNanos());
    }

    public P2pStats stats() {
        return counters.snapshot();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        dialers.values().forEach(Dialer::stop);
        if (server != null) {
            server.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis());
        }
        sockets.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis());
        if (group != null) {
            group.shutdownGracefully(SHUTDOWN_QUIET.toMillis(), SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis() * 2);
        }
        LOG.info("p2p: node {} closed", identity.publicKey());
    }

    /** Fans link events out to the application and to the peer's dialler. */
    private final class Events implements PeerRegistry.Listener {
        @Override
        public void onLinkUp(PublicKey peer) {
            Dialer d = dialerFor(peer);
            if (d != null) {
                d.peerUp();
            }
            notifyHandler(() -> handler.onConnected(peer));
        }

        @Override
        public void onLinkDown(PublicKey peer) {
            Dialer d = dialerFor(peer);
            if (d != null && !closed) {
                d.peerDown();
            }
            notifyHandler(() -> handler.onDisconnected(peer));
        }

        private Dialer dialerFor(PublicKey peer) {
            return dialers.get(peer);
        }

        private void notifyHandler(Runnable call) {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("p2p: the inbound handler failed on a link event", e);
            }
        }
    }
}
