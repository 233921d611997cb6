package io.mutualchain.p2p.link;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.p2p.AllowList;
import io.mutualchain.p2p.HandshakeInfo;
import io.mutualchain.p2p.InboundHandler;
import io.mutualchain.p2p.P2pConfig;
import io.netty.channel.group.ChannelGroup;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every connection of one node shares; built once by the node. {@code sockets} holds every open connection, linked or not;
 * {@code refusalLog} bounds the WARN lines about refused handshakes.
 */
public record LinkContext(
        P2pConfig config,
        KeyPair identity,
        HandshakeInfo info,
        AllowList allowList,
        PeerRegistry registry,
        Counters counters,
        InboundHandler handler,
        AtomicInteger pendingHandshakes,
        ChannelGroup sockets,
        SecureRandom random,
        RefusalLog refusalLog) {
}
