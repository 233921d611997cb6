package io.mutualchain.node.runtime;

import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.GenesisFile;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejectedException;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.ledger.ValidatorEpoch;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.config.PeerEntry;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.node.metrics.MetricsServer;
import io.mutualchain.node.net.Network;
import io.mutualchain.node.net.P2pNetwork;
import io.mutualchain.node.sync.BlockSync;
import io.mutualchain.pbft.PbftConfig;
import io.mutualchain.node.sync.TxBatch;
import io.mutualchain.node.sync.TxGossip;
import io.mutualchain.p2p.AllowList;
import io.mutualchain.p2p.HandshakeInfo;
import io.mutualchain.p2p.P2pConfig;
import io.mutualchain.p2p.P2pNode;
import io.mutualchain.p2p.PeerAddress;
import io.mutualchain.rpc.NodeApi;
import io.mutualchain.rpc.RpcConfig;
import io.mutualchain.rpc.RpcServer;
import io.mutualchain.rpc.admin.AdminToken;
import io.mutualchain.rpc.admin.AdminTokenFile;
import io.mutualchain.rpc.subscribe.ChainEvents;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the only code that creates subsystems and connects them. Start order is
 * dependency order (lock, ledger, transport, consensus or observer loop, gossip, RPC, metrics);
 * {@link #close()} undoes it in reverse, so the RPC stops taking transactions before the loops stop
 * and the loops stop before the database closes. The consensus loop gets its thread, the ledger's
 * validator schedule ({@link LedgerEpochs}) and, at start, its {@link BlockSync} from here; inside it,
 * the engine is driven by consensus-pbft's {@code ConsensusDriver}, the same code the simulator runs.
 *
 * <p>A node whose key is in the validator set in force runs the PBFT engine; any other allow-listed
 * node is an observer: it follows the chain by block sync, serves JSON-RPC, relays transactions and
 * never votes. The set can change by governance at checkpoint heights, and the consensus loop then
 * switches this node between the two (see {@link ConsensusLoop}).
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    /** Protocol version checked in the P2P handshake; bumped when a wire format changes. */
    public static final int PROTOCOL_VERSION = 1;
    /** Workers that serve block sync; queue bound beyond which work is dropped. */
    static final int WORKER_THREADS = 2;
    static final int WORKER_QUEUE = 1_024;
    /** Gossip batches (up to 1,024 transactions each) waiting for admission; beyond it they are dropped and re-gossip covers them. */
    static final int GOSSIP_QUEUE_BATCHES = 256;

    /** The head marker beside the store: outside it, so that losing or wiping the store does not lose the marker. */
    public static final String HEAD_MARKER_FILE = "ledger.head";

    private final NodeConfig config;
    private final Ledger.OpenMode openMode;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final NodeStats stats = new NodeStats();
    private Ledger ledger;
    private RpcServer rpc;
    private P2pNode p2p;
    private MetricsServer metrics;
    private KeyPair key;
    private Genesis genesis;
    private boolean validator;
    private ConsensusLoop loop;
    private volatile NodeHalt halt;

    public Node(NodeConfig config) {
        this(config, Ledger.OpenMode.NORMAL);
    }

    /** @param openMode {@link Ledger.OpenMode#RESYNC_FROM_PEERS} to rebuild a damaged store from peers, keeping the head marker */
    public Node(NodeConfig config, Ledger.OpenMode openMode) {
        this.config = config;
        this.openMode = openMode;
    }

    /** Starts everything or, on failure, closes what it had started and rethrows. */
    public void start() throws IOException, LedgerException {
        try {
            startInOrder();
        } catch (IOException | LedgerException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startInOrder() throws IOException, LedgerException {
        // Read first: a token file that is missing, short or readable by others must stop the start, not a running node.
        AdminToken adminToken = config.adminEnabled() ? AdminTokenFile.read(config.adminTokenFile()) : null;
        started.push(DataDirLock.acquire(config.dataDir()));
        genesis = GenesisFile.read(config.genesisFile());
        key = KeyFile.read(config.keyFile());
        if (openMode == Ledger.OpenMode.RESYNC_FROM_PEERS && !config.networked()) {
            throw new IOException("a rebuild from peers needs peers, and the config has no p2p section; restore a backup instead");
        }
        ledger = Ledger.open(config.dataDir().resolve("ledger"), genesis, config.dataDir().resolve(HEAD_MARKER_FILE), openMode);
        started.push(ledger);
        ValidatorSet validators = ledger.epochAt(ledger.height() + 1).validators();
        validator = validators.contains(key.publicKey());
        if (!validator && !config.networked()) {
            throw new IOException("key " + key.address() + " is not in the validator set in force at height " + (ledger.height() + 1)
                    + ", and the config has no p2p section: an observer needs peers to follow the chain");
        }
        LOG.info("ledger open at height {} (chain {}, genesis {}); this node is a {}", ledger.height(), genesis.chainId(),
                genesis.hash(), validator ? "validator" : "observer");

        if (config.clockOffsetMs() != 0) {
            LOG.warn("TEST ONLY: this node's consensus clock is shifted by {} ms (testOnly.clockOffsetMs); never run a real node so",
                    config.clockOffsetMs());
        }
        Mempool mempool = new Mempool(config.mempool(), genesis.params().baseFee(), genesis.params().gasPrice());
        InboundRouter router = new InboundRouter();
        Network network = Network.NONE;
        if (config.networked()) {
            p2p = new P2pNode(p2pConfig(), key, allowList(), new HandshakeInfo(genesis.chainId(), genesis.hash(), PROTOCOL_VERSION), router);
            network = new P2pNetwork(p2p);
        }
        ExecutorService workers = boundedWorkers();
        started.push(workers::shutdownNow);

        PbftConfig engineConfig = ConsensusTimers.pbftConfig(genesis, config);
        LedgerEpochs epochs = new LedgerEpochs(key.publicKey(), engineConfig.checkpointInterval(), ledger);
        ConsensusLoop loop = new ConsensusLoop(key, engineConfig, ledger, epochs, mempool, config.emptyBlockIntervalMs(), config.tickMs(),
                network, stats, singleScheduledThread("consensus"), this::fail);
        started.push(loop);
        this.loop = loop;
        BlockSync sync = new BlockSync(new LedgerBlocks(ledger), loop::deliverSynced, network);
        LongSupplier view = loop::view;
        LongSupplier viewChanges = loop::viewChanges;
        Runnable wake = loop::wake;
        BiConsumer<PublicKey, byte[]> consensusInbound = loop::deliver;
        // Registered before start(): the loop's listener list is not for concurrent use. Only raises a height.
        ChainEvents chainEvents = new ChainEvents();
        loop.onCommit(b -> chainEvents.committed(b.height()));
        loop.start(sync);
        TxAdmission admission = new TxAdmission(genesis, ledger, mempool);
        ExecutorService gossipAdmission = singleThread("gossip-admission", GOSSIP_QUEUE_BATCHES);
        started.push(gossipAdmission::shutdownNow);
        TxGossip gossip = new TxGossip(network, raw -> admitFromPeer(admission, raw, wake), gossipAdmission);
        router.bind(consensusInbound, gossip, sync, workers, peer -> gossip.sendPendingTo(peer,
                mempool.take(TxBatch.MAX_TXS, TxGossip.LINK_UP_MAX_BYTES).stream().map(Transaction::encode).toList()));
        if (p2p != null) {
            p2p.start();
            started.push(p2p);
            ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gossip");
                t.setDaemon(true);
                return t;
            });
            flusher.scheduleWithFixedDelay(gossip::flush, TxGossip.FLUSH_INTERVAL_MS, TxGossip.FLUSH_INTERVAL_MS, TimeUnit.MILLISECONDS);
            flusher.scheduleWithFixedDelay(() -> gossip.regossip(() -> mempool.dueForRegossip(System.nanoTime(),
                            TimeUnit.MILLISECONDS.toNanos(TxGossip.REGOSSIP_INTERVAL_MS), TxGossip.REGOSSIP_MAX)
                    .stream().map(Transaction::encode).toList()),
                    TxGossip.REGOSSIP_INTERVAL_MS, TxGossip.REGOSSIP_INTERVAL_MS / 4, TimeUnit.MILLISECONDS);
            started.push(flusher::shutdownNow);
            LOG.info("P2P listening on {}:{} with {} peers configured", config.p2pHost(), p2p.port(), config.peers().size());
        }

        Consumer<Transaction> onAdmitted = tx -> {
            wake.run();
            gossip.publish(tx.encode());
        };
        ReadOnlyCalls calls = new ReadOnlyCalls(config.calls());
        started.push(calls);
        NodeApi api = TimedNodeApi.wrap(new NodeApiAdapter(config.name(), ledger, mempool, view, loop::isValidator, onAdmitted, calls), stats);
        rpc = new RpcServer(RpcConfig.defaults().withHost(config.rpcHost()).withPort(config.rpcPort()), api, chainEvents);
        if (adminToken != null) {
            rpc.enableAdmin(adminToken, new NodeAdmin(config, key, ledger, mempool, p2p, loop::isValidator,
                    this::rpcPort, this::p2pPort, this::metricsPort, System::nanoTime));
            LOG.info("admin RPC methods enabled (bearer token from {})", config.adminTokenFile());
        }
        rpc.start();
        started.push(rpc);
        LOG.info("node {} started: JSON-RPC on http://{}:{}", config.name(), config.rpcHost(), rpc.port());

        if (config.metricsPort() != 0) {
            metrics = NodeMetrics.server(config, ledger, mempool, p2p, sync, stats, view, viewChanges,
                    () -> halt == null, loop::validators, loop::isValidator, gossip, rpc::adminRefusals, loop::untimelyProposals,
                    loop::blockTimeLagMs, loop.viewChangeCauses(), loop::proposalMaxTxs);
            metrics.start();
            started.push(metrics);
            LOG.info("metrics on http://{}:{}/metrics", config.rpcHost(), metrics.port());
        }
    }

    private static boolean admitFromPeer(TxAdmission admission, byte[] raw, Runnable wake) {
        try {
            admission.admit(raw, false);
            wake.run();
            return true;
        } catch (TxRejectedException e) {
            // Usually a duplicate: the same transaction reached us from the wallet's node and from another peer.
            LOG.debug("gossiped transaction refused: {}", e.getMessage());
            return false;
        }
    }

    private P2pConfig p2pConfig() {
        List<PeerAddress> peers = new ArrayList<>();
        for (PeerEntry p : config.peers()) {
            if (!p.publicKey().equals(key.publicKey())) {
                peers.add(new PeerAddress(p.publicKey(), p.host(), p.port()));
            }
        }
        // A NEW-VIEW carries the blocks it re-proposes: frames must hold up to 2 * n * maxBlockBytes, for the
        // largest set known so far plus one (a set grows one validator per approved change).
        int largest = genesis.validators().size();
        for (ValidatorEpoch e : ledger.epochs()) {
            largest = Math.max(largest, e.validators().size());
        }
        for (ValidatorEpoch e : ledger.pendingEpoch().stream().toList()) {
            largest = Math.max(largest, e.validators().size());
        }
        long needed = 2L * (largest + 1) * genesis.params().maxBlockBytes();
        int maxFrame = (int) Math.min(P2pConfig.MAX_FRAME_BYTES_CEILING, Math.max(P2pConfig.DEFAULT_MAX_FRAME_BYTES, needed));
        // Each channel's queue must hold at least one largest frame.
        long queueBytes = Math.max(P2pConfig.DEFAULT_QUEUE_BYTES_MAX, maxFrame);
        return P2pConfig.defaults(config.p2pPort(), peers).withListen(config.p2pHost(), config.p2pPort())
                .withQueues(P2pConfig.DEFAULT_CONSENSUS_QUEUE_MAX, P2pConfig.DEFAULT_GOSSIP_QUEUE_MAX, P2pConfig.DEFAULT_SYNC_QUEUE_MAX, queueBytes)
                .withMaxFrameBytes(maxFrame);
    }

    /**
     * Who may connect, asked at every handshake: the configured peers and every validator the ledger
     * knows of (genesis, every later set, an approved next set). A node voted in can therefore link
     * with every running node from the block that approves it, without their configs listing it; it
     * dials the nodes in its own peers list. Reads the ledger's immutable tip, so it is cheap and safe
     * on I/O threads.
     */
    private AllowList allowList() {
        Set<PublicKey> configured = new LinkedHashSet<>(genesis.validatorSet().keys());
        for (PeerEntry p : config.peers()) {
            configured.add(p.publicKey());
        }
        Set<PublicKey> fixed = Set.copyOf(configured);
        PublicKey self = key.publicKey();
        return peer -> !peer.equals(self) && (fixed.contains(peer) || knownValidator(peer));
    }

    private boolean knownValidator(PublicKey peer) {
        for (ValidatorEpoch e : ledger.epochs()) {
            if (e.validators().contains(peer)) {
                return true;
            }
        }
        return ledger.pendingEpoch().map(e -> e.validators().contains(peer)).orElse(false);
    }

    private static ExecutorService boundedWorkers() {
        return new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(WORKER_QUEUE), r -> {
                    Thread t = new Thread(r, "node-worker");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** One daemon thread for scheduled tasks; its owner stops it. */
    private static ScheduledExecutorService singleScheduledThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static ExecutorService singleThread(String name, int queue) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    private void fail(NodeHalt h) {
        halt = h;
        stopped.countDown();
    }

    /** Blocks until the node stops by itself (a fatal error) or {@link #close()} is called. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** The failure that halted the node's consensus, or null while it runs or after a requested stop. */
    public Throwable fatalError() {
        NodeHalt h = halt;
        return h == null ? null : h.cause();
    }

    /** Why the node's consensus halted; empty while it runs or after a requested stop. */
    public java.util.Optional<NodeHalt> halt() {
        return java.util.Optional.ofNullable(halt);
    }

    public int rpcPort() {
        return rpc.port();
    }

    public int p2pPort() {
        return p2p == null ? 0 : p2p.port();
    }

    public int metricsPort() {
        return metrics == null ? 0 : metrics.port();
    }

    /** Whether this node votes in the current epoch. */
    public boolean isValidator() {
        return loop == null ? validator : loop.isValidator();
    }

    public Genesis genesis() {
        return genesis;
    }

    /** The transport, for in-process tests; null before start or without a p2p section. */
    P2pNode p2p() {
        return p2p;
    }

    /** The open ledger, for in-process tests (fault injection); null before start. */
    Ledger ledger() {
        return ledger;
    }

    public KeyPair key() {
        return key;
    }

    @Override
    public synchronized void close() {
        boolean wasRunning = !started.isEmpty();
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
        if (wasRunning) {
            LOG.info("node {} stopped cleanly", config.name());
        }
        stopped.countDown();
    }
}
