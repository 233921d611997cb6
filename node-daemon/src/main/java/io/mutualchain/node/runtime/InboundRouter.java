package io.mutualchain.node.runtime;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.node.sync.BlockSync;
import io.mutualchain.node.sync.TxGossip;
import io.mutualchain.p2p.Channel;
import io.mutualchain.p2p.InboundHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
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

    private volatile Consumer<PublicKey> linkUp = peer -> { };

    /**
     * @param linkUp called (on a worker, not the I/O thread) when a link to a peer comes up, e.g. to
     *               send it the transactions it missed while the link was down
     */
    void bind(BiConsumer<PublicKey, byte[]> consensus, TxGossip gossip, BlockSync sync, ExecutorService syncWorkers,
              Consumer<PublicKey> linkUp) {
        this.consensus = consensus;
        this.gossip = gossip;
        this.sync = sync;
        this.syncWorkers = syncWorkers;
        this.linkUp = linkUp;
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
        ExecutorService w = syncWorkers;
        if (w != null) {
            try {
                w.execute(() -> linkUp.accept(peer));
            } catch (RejectedExecutionException e) {
                LOG.debug("link-up work for {} dropped: workers busy (re-gossip covers it)", peer);
            }
        }
    }

    @Override
    public void onDisconnected(PublicKey peer) {
        LOG.warn("peer {} disconnected", peer);
    }
}
