package io.mutualchain.node.runtime;

import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.GenesisFile;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.pbft.PbftConfig;
import io.mutualchain.pbft.PbftEngine;
import io.mutualchain.rpc.RpcConfig;
import io.mutualchain.rpc.RpcServer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the only code that creates subsystems and connects them. Start order is
 * dependency order (lock, ledger, engine, mempool, consensus loop, RPC); {@link #close()} undoes it
 * in reverse, so the RPC stops taking transactions before the loop stops and the loop stops before
 * the database closes.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final NodeConfig config;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Ledger ledger;
    private RpcServer rpc;
    private KeyPair key;
    private Genesis genesis;
    private volatile Throwable fatal;

    public Node(NodeConfig config) {
        this.config = config;
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
        started.push(DataDirLock.acquire(config.dataDir()));
        genesis = GenesisFile.read(config.genesisFile());
        key = KeyFile.read(config.keyFile());
        ValidatorSet validators = genesis.validatorSet();
        boolean isValidator = validators.contains(key.publicKey());
        if (!isValidator) {
            throw new IOException("key " + key.address() + " is not a validator in " + config.genesisFile()
                    + "; observer nodes need peers, which this version's single-node mode does not have");
        }
        ledger = Ledger.open(config.dataDir().resolve("ledger"), genesis);
        started.push(ledger);
        LOG.info("ledger open at height {} (chain {}, genesis {})", ledger.height(), genesis.chainId(), genesis.hash());

        PbftEngine engine = new PbftEngine(PbftConfig.of(genesis.chainId(), genesis.params()), key, validators,
                new LedgerBlockValidator(ledger), ConsensusRecords.restore(ledger.consensusEntries()), ledger.height(),
                ledger.lastBlockHash());
        Mempool mempool = new Mempool(config.mempool(), genesis.params().baseFee());
        ConsensusLoop loop = new ConsensusLoop(engine, ledger, mempool, key.publicKey(), config.emptyBlockIntervalMs(),
                config.tickMs(), this::fail);
        started.push(loop);
        loop.start();

        rpc = new RpcServer(RpcConfig.defaults().withHost(config.rpcHost()).withPort(config.rpcPort()),
                new NodeApiAdapter(config.name(), ledger, mempool, loop::view, isValidator, loop::wake));
        rpc.start();
        started.push(rpc);
        LOG.info("node {} started: JSON-RPC on http://{}:{}", config.name(), config.rpcHost(), rpc.port());
    }

    private void fail(Throwable t) {
        fatal = t;
        stopped.countDown();
    }

    /** Blocks until the node stops by itself (a fatal error) or {@link #close()} is called. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    public Throwable fatalError() {
        return fatal;
    }

    public int rpcPort() {
        return rpc.port();
    }

    public Genesis genesis() {
        return genesis;
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
