package io.mutualchain.p2p;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every bound of the transport, named. Worst-case memory held for one slow peer is about
 * {@code 3 * queueBytesMax + writeBufferHighBytes + maxFrameBytes}; with the defaults that is about
 * 116 MiB, reached only when a peer stops reading while we push it full-size frames on every channel.
 *
 * @param listenHost          interface to bind (loopback unless an operator opens it up)
 * @param listenPort          port to bind; 0 picks an ephemeral port (tests)
 * @param peers               whom to dial and keep dialling; inbound peers need not be listed here
 * @param maxFrameBytes       largest payload accepted or sent in one frame; a larger frame from a peer bans it
 * @param consensusQueueMax   per-peer consensus messages waiting to be written; when full the oldest is dropped
 * @param gossipQueueMax      per-peer gossip messages waiting; when full the new message is dropped
 * @param syncQueueMax        per-peer block-sync messages waiting; when full the new message is dropped
 * @param queueBytesMax       per-peer, per-channel payload bytes waiting, on top of the message-count bound
 * @param reconnectMin        first reconnect delay; doubles per failure
 * @param reconnectMax        cap on the reconnect delay (before jitter)
 * @param banDuration         how long a misbehaving peer is refused
 * @param handshakeTimeout    an unauthenticated connection is closed after this long
 * @param keepaliveInterval   an idle link sends a ping this often; silence for three intervals closes it
 * @param eventLoopThreads    Netty I/O threads (shared by the server and the dialler)
 * @param writeBufferLowBytes Netty water mark: the socket is writable again below this many pending bytes
 * @param writeBufferHighBytes Netty water mark: above this many pending bytes we stop draining the queues
 * @param maxPendingHandshakes unauthenticated connections allowed at once; more are closed on accept
 */
public record P2pConfig(
        String listenHost,
        int listenPort,
        List<PeerAddress> peers,
        int maxFrameBytes,
        int consensusQueueMax,
        int gossipQueueMax,
        int syncQueueMax,
        long queueBytesMax,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration banDuration,
        Duration handshakeTimeout,
        Duration keepaliveInterval,
        int eventLoopThreads,
        int writeBufferLowBytes,
        int writeBufferHighBytes,
        int maxPendingHandshakes) {

    public static final String DEFAULT_LISTEN_HOST = "127.0.0.1";
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
    /** Hard ceiling whatever the config says: keeps the 4-byte length field and array sizes far from overflow. */
    public static final int MAX_FRAME_BYTES_CEILING = 64 * 1024 * 1024;
    public static final int DEFAULT_CONSENSUS_QUEUE_MAX = 1024;
    public static final int DEFAULT_GOSSIP_QUEUE_MAX = 4096;
    public static final int DEFAULT_SYNC_QUEUE_MAX = 256;
    public static final long DEFAULT_QUEUE_BYTES_MAX = 32L * 1024 * 1024;
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofMillis(200);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BAN_DURATION = Duration.ofMinutes(10);
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_KEEPALIVE_INTERVAL = Duration.ofSeconds(15);
    public static final int DEFAULT_EVENT_LOOP_THREADS = 2;
    public static final int DEFAULT_WRITE_BUFFER_LOW_BYTES = 1024 * 1024;
    public static final int DEFAULT_WRITE_BUFFER_HIGH_BYTES = 4 * 1024 * 1024;
    public static final int DEFAULT_MAX_PENDING_HANDSHAKES = 64;

    public P2pConfig {
        Objects.requireNonNull(listenHost, "listenHost");
        peers = List.copyOf(Objects.requireNonNull(peers, "peers"));
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("listenPort must be in 0..65535, was " + listenPort);
        }
        if (maxFrameBytes < 1 || maxFrameBytes > MAX_FRAME_BYTES_CEILING) {
            throw new IllegalArgumentException("maxFrameBytes must be in 1.." + MAX_FRAME_BYTES_CEILING + ", was " + maxFrameBytes);
        }
        positive("consensusQueueMax", consensusQueueMax);
        positive("gossipQueueMax", gossipQueueMax);
        positive("syncQueueMax", syncQueueMax);
        if (queueBytesMax < maxFrameBytes) {
            throw new IllegalArgumentException("queueBytesMax (" + queueBytesMax + ") must hold at least one frame of maxFrameBytes (" + maxFrameBytes + ")");
        }
        positive("reconnectMin", reconnectMin);
        positive("reconnectMax", reconnectMax);
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMax must not be below reconnectMin");
        }
        positive("banDuration", banDuration);
        positive("handshakeTimeout", handshakeTimeout);
        positive("keepaliveInterval", keepaliveInterval);
        positive("eventLoopThreads", eventLoopThreads);
        positive("writeBufferLowBytes", writeBufferLowBytes);
        if (writeBufferHighBytes < writeBufferLowBytes) {
            throw new IllegalArgumentException("writeBufferHighBytes must not be below writeBufferLowBytes");
        }
        positive("maxPendingHandshakes", maxPendingHandshakes);
    }

    /** Production defaults: loopback, the given port and peers, every bound at its documented default. */
    public static P2pConfig defaults(int listenPort, List<PeerAddress> peers) {
        return new P2pConfig(DEFAULT_LISTEN_HOST, listenPort, peers, DEFAULT_MAX_FRAME_BYTES,
                DEFAULT_CONSENSUS_QUEUE_MAX, DEFAULT_GOSSIP_QUEUE_MAX, DEFAULT_SYNC_QUEUE_MAX, DEFAULT_QUEUE_BYTES_MAX,
                DEFAULT_RECONNECT_MIN, DEFAULT_RECONNECT_MAX, DEFAULT_BAN_DURATION, DEFAULT_HANDSHAKE_TIMEOUT,
                DEFAULT_KEEPALIVE_INTERVAL, DEFAULT_EVENT_LOOP_THREADS, DEFAULT_WRITE_BUFFER_LOW_BYTES,
                DEFAULT_WRITE_BUFFER_HIGH_BYTES, DEFAULT_MAX_PENDING_HANDSHAKES);
    }

    /** The outbound queue bound (in messages) of one channel. */
    public int queueMax(Channel channel) {
        return switch (channel) {
            case CONSENSUS -> consensusQueueMax;
            case TX_GOSSIP -> gossipQueueMax;
            case BLOCK_SYNC -> syncQueueMax;
        };
    }

    public P2pConfig withListen(String host, int port) {
        return new P2pConfig(host, port, peers, maxFrameBytes, consensusQueueMax, gossipQueueMax, syncQueueMax, queueBytesMax,
                reconnectMin, reconnectMax, banDuration, handshakeTimeout, keepaliveInterval, eventLoopThreads,
                writeBufferLowBytes, writeBufferHighBytes, maxPendingHandshakes);
    }

    public P2pConfig withPeers(List<PeerAddress> newPeers) {
        return new P2pConfig(listenHost, listenPort, newPeers, maxFrameBytes, consensusQueueMax, gossipQueueMax, syncQueueMax, queueBytesMax,
                reconnectMin, reconnectMax, banDuration, handshakeTimeout, keepaliveInterval, eventLoopThreads,
                writeBufferLowBytes, writeBufferHighBytes, maxPendingHandshakes);
    }

    public P2pConfig withMaxFrameBytes(int bytes) {
        return new P2pConfig(listenHost, listenPort, peers, bytes, consensusQueueMax, gossipQueueMax, syncQueueMax, queueBytesMax,
                reconnectMin, reconnectMax, banDuration, handshakeTimeout, keepaliveInterval, eventLoopThreads,
                writeBufferLowBytes, writeBufferHighBytes, maxPendingHandshakes);
    }

    public P2pConfig withQueues(int consensus, int gossip, int sync, long bytesPerChannel) {
        return new P2pConfig(listenHost, listenPort, peers, maxFrameBytes, consensus, gossip, sync, bytesPerChannel,
                reconnectMin, reconnectMax, banDuration, handshakeTimeout, keepaliveInterval, eventLoopThreads,
                writeBufferLowBytes, writeBufferHighBytes, maxPendingHandshakes);
    }

    public P2pConfig withReconnect(Duration min, Duration max) {
        return new P2pConfig(listenHost, listenPort, peers, maxFrameBytes, consensusQueueMax, gossipQueueMax, syncQueueMax, queueBytesMax,
                min, max, banDuration, handshakeTimeout, keepaliveInterval, eventLoopThreads,
                writeBufferLowBytes, writeBufferHighBytes, maxPendingHandshakes);
    }

    public P2pConfig withBanDuration(Duration ban) {
        return new P2pConfig(listenHost, listenPort, peers, maxFrameBytes, consensusQueueMax, gossipQueueMax, syncQueueMax, queueBytesMax,
                reconnectMin, reconnectMax, ban, handshakeTimeout, keepaliveInterval, eventLoopThreads,
                writeBufferLowBytes, writeBufferHighBytes, maxPendingHandshakes);
    }

    public P2pConfig withHandshakeTimeout(Duration timeout) {
        return new P2pConfig(listenHost, listenPort, peers, maxFrameBytes, consensusQueueMax, gossipQueueMax, syncQueueMax, queueBytesMax,
                reconnectMin, reconnectMax, banDuration, timeout, keepaliveInterval, eventLoopThreads,
                writeBufferLowBytes, writeBufferHighBytes, maxPendingHandshakes);
    }

    public P2pConfig withKeepaliveInterval(Duration interval) {
        return new P2pConfig(listenHost, listenPort, peers, maxFrameBytes, consensusQueueMax, gossipQueueMax, syncQueueMax, queueBytesMax,
                reconnectMin, reconnectMax, banDuration, handshakeTimeout, interval, eventLoopThreads,
                writeBufferLowBytes, writeBufferHighBytes, maxPendingHandshakes);
    }

    public P2pConfig withEventLoopThreads(int threads) {
        return new P2pConfig(listenHost, listenPort, peers, maxFrameBytes, consensusQueueMax, gossipQueueMax, syncQueueMax, queueBytesMax,
                reconnectMin, reconnectMax, banDuration, handshakeTimeout, keepaliveInterval, threads,
                writeBufferLowBytes, writeBufferHighBytes, maxPendingHandshakes);
    }

    public P2pConfig withWriteBufferWaterMark(int lowBytes, int highBytes) {
        return new P2pConfig(listenHost, listenPort, peers, maxFrameBytes, consensusQueueMax, gossipQueueMax, syncQueueMax, queueBytesMax,
                reconnectMin, reconnectMax, banDuration, handshakeTimeout, keepaliveInterval, eventLoopThreads,
                lowBytes, highBytes, maxPendingHandshakes);
    }

    public P2pConfig withMaxPendingHandshakes(int max) {
        return new P2pConfig(listenHost, listenPort, peers, maxFrameBytes, consensusQueueMax, gossipQueueMax, syncQueueMax, queueBytesMax,
                reconnectMin, reconnectMax, banDuration, handshakeTimeout, keepaliveInterval, eventLoopThreads,
                writeBufferLowBytes, writeBufferHighBytes, max);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
