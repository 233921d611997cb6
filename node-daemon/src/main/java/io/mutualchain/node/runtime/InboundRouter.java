package io.mutualchain.node.runtime;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.node.sync.BlockSync;
import io.mutualchain.node.sync.TxGossip;
import io.mutualchain.p2p.Channel;
import io.mutualchain.p2p.InboundHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each inbound frame to its channel's consumer. The transport is created before the loops
 * that consume its frames (they need it to send), so the consumers are bound once, before the
 * transport starts; nothing arrives before that.
 */
final class InboundRouter implements InboundHandler {
    private static final Logger LOG = LoggerFactory.getLogger(InboundRouter.class);
    private volatile BiConsumer<PublicKey, byte[]> consensus;
    private volatile TxGossip gossip;
    private volatile BlockSync sync;
    private volatile ExecutorService syncWorkers;

    void bind(BiConsumer<PublicKey, byte[]> consensus, TxGossip gossip, BlockSync sync, ExecutorService syncWorkers) {
        this.consensus = consensus;
        this.gossip = gossip;
        this.sync = sync;
        this.syncWorkers = syncWorkers;
    }

    @Override
    public void onMessage(PublicKey from, Channel channel, byte[] payload) {
        switch (channel) {
            case CONSENSUS -> {
                if (consensus != null) {
                    consensus.accept(from, payload);
                }
            }
            case TX_GOSSIP -> {
                if (gossip != null) {
                    gossip.onMessage(from, payload);
                }
            }
            case BLOCK_SYNC -> {
                if (sync != null) {
                    try {
                        syncWorkers.execute(() -> sync.onMessage(from, payload));
                    } catch (RejectedExecutionException e) {
                        LOG.debug("sync message from {} dropped: workers busy", from);
                    }
                }
            }
        }
    }

    @Override
    public void onConnected(PublicKey peer) {
        LOG.info("peer {} connected", peer);
    }

    @Override
    public void onDisconnected(PublicKey peer) {
        LOG.warn("peer {} disconnected", peer);
    }
}
