package io.mutualchain.node.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.ValidatorEpoch;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.config.PeerEntry;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.p2p.Channel;
import io.mutualchain.p2p.P2pNode;
import io.mutualchain.p2p.P2pStats;
import io.mutualchain.rpc.RpcServer;
import io.mutualchain.rpc.admin.AdminApi;
import io.mutualchain.rpc.admin.LogLevel;
import io.mutualchain.rpc.admin.LogLevelChange;
import io.mutualchain.rpc.admin.MempoolInfo;
import io.mutualchain.rpc.admin.NodeInfo;
import io.mutualchain.rpc.admin.PeersInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Serves the admin port of the wallet API from the node's parts. Everything is read at call time
 * (ports bound after construction, the validator role that changes at epoch hand-overs), and nothing
 * here writes node state except a logger's level, which is process-local and lost at restart.
 */
final class NodeAdmin implements AdminApi {
    private final NodeConfig config;
    private final KeyPair key;
    private final Ledger ledger;
    private final Mempool mempool;
    private final P2pNode p2p;
    private final BooleanSupplier validator;
    private final IntSupplier rpcPort;
    private final IntSupplier p2pPort;
    private final IntSupplier metricsPort;
    private final LongSupplier nanoClock;
    private final long startedNanos;

    /** @param p2p null on a node without networking */
    NodeAdmin(NodeConfig config, KeyPair key, Ledger ledger, Mempool mempool, P2pNode p2p, BooleanSupplier validator,
              IntSupplier rpcPort, IntSupplier p2pPort, IntSupplier metricsPort, LongSupplier nanoClock) {
        this.config = config;
        this.key = key;
        this.ledger = ledger;
        this.mempool = mempool;
        this.p2p = p2p;
        this.validator = validator;
        this.rpcPort = rpcPort;
        this.p2pPort = p2pPort;
        this.metricsPort = metricsPort;
        this.nanoClock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
    }

    @Override
    public NodeInfo nodeInfo() {
        long height = ledger.height();
        ValidatorEpoch epoch = ledger.epochAt(height + 1);
        return new NodeInfo(config.name(), RpcServer.NODE_VERSION, key.publicKey(), key.address(), validator.getAsBoolean(),
                epoch.base(), epoch.validators().size(), ledger.genesis().chainId(), ledger.genesis().hash(), height,
                rpcPort.getAsInt(), p2pPort.getAsInt(), metricsPort.getAsInt(), config.dataDir().toAbsolutePath().toString(),
                TimeUnit.NANOSECONDS.toSeconds(nanoClock.getAsLong() - startedNanos));
    }

    @Override
    public PeersInfo peers() {
        Set<PublicKey> connected = p2p == null ? Set.of() : p2p.connectedPeers();
        List<PeersInfo.Peer> peers = new ArrayList<>();
        for (PeerEntry p : config.peers()) {
            if (!p.publicKey().equals(key.publicKey())) {
                peers.add(new PeersInfo.Peer(p.publicKey(), p.name(), p.host() + ":" + p.port(), true, connected.contains(p.publicKey())));
            }
        }
        // Connected but not configured (a validator voted in dials us); sorted by key so the answer is stable.
        connected.stream()
                .filter(k -> config.peers().stream().noneMatch(p -> p.publicKey().equals(k)))
                .sorted(Comparator.comparing(PublicKey::toHex))
                .forEach(k -> peers.add(new PeersInfo.Peer(k, "", "", false, true)));
        if (p2p == null) {
            return new PeersInfo(peers, Optional.empty());
        }
        P2pStats s = p2p.stats();
        long framesIn = 0;
        long framesOut = 0;
        for (Channel c : Channel.values()) {
            framesIn += s.framesIn(c);
            framesOut += s.framesOut(c);
        }
        return new PeersInfo(peers, Optional.of(new PeersInfo.Transport(framesIn, framesOut, s.payloadBytesIn(), s.payloadBytesOut(),
                s.linksOpened(), s.bans(), p2p.openSockets())));
    }

    @Override
    public MempoolInfo mempool(int topSenders) {
        // One snapshot of the whole pool (bounded by its own maxTransactions), so counts and bounds agree.
        List<Transaction> pending = mempool.take(config.mempool().maxTransactions(), Long.MAX_VALUE);
        long bytes = 0;
        TreeMap<Address, long[]> bySender = new TreeMap<>();
        for (Transaction tx : pending) {
            bytes += tx.encodedSize();
            long[] s = bySender.computeIfAbsent(tx.senderAddress(), a -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
            s[0]++;
            s[1] = Math.min(s[1], tx.nonce());
            s[2] = Math.max(s[2], tx.nonce());
        }
        List<MempoolInfo.Sender> senders = new ArrayList<>();
        bySender.forEach((a, s) -> senders.add(new MempoolInfo.Sender(a, (int) s[0], s[1], s[2])));
        senders.sort(Comparator.comparingInt(MempoolInfo.Sender::count).reversed().thenComparing(MempoolInfo.Sender::address));
        return new MempoolInfo(pending.size(), bytes, config.mempool().maxTransactions(), config.mempool().maxPerSender(),
                config.mempool().maxBytes(), bySender.size(), senders.subList(0, Math.min(topSenders, senders.size())));
    }

    @Override
    public LogLevelChange setLogLevel(String logger, LogLevel level) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("logging is not Logback (" + factory.getClass().getName() + "): levels cannot be changed at runtime");
        }
        Logger target = LogLevelChange.ROOT.equalsIgnoreCase(logger)
                ? context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) : context.getLogger(logger);
        Level before = target.getLevel();
        Level effectiveBefore = target.getEffectiveLevel();
        target.setLevel(Level.toLevel(level.name()));
        LoggerFactory.getLogger(NodeAdmin.class).info("log level of {} set to {} by an admin call (was {})", target.getName(), level,
                before == null ? "inherited " + effectiveBefore : before);
        return new LogLevelChange(target.getName(), before == null ? null : of(before), of(effectiveBefore), level);
    }

    /** Logback's ALL lets everything through, as TRACE does: the API has no separate name for it. */
    private static LogLevel of(Level level) {
        return level.toInt() == Level.ALL_INT ? LogLevel.TRACE : LogLevel.valueOf(level.levelStr);
    }
}
