package io.mutualchain.node.sync;

import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.node.net.Network;
import io.mutualchain.p2p.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node's chain caught up with its peers'. Every {@link #STATUS_INTERVAL_MS} it tells its
 * peers its height and, if a peer is ahead, asks one peer for the next blocks; answers go to the
 * {@link BlockSink}, which verifies each block's commit certificate before applying it. One request
 * is outstanding at a time and is given up after {@link #REQUEST_TIMEOUT_MS}, so a silent or lying
 * peer costs one timeout, after which another peer is asked. The consensus engine can also ask for a
 * range directly ({@link #request}) when its certificates prove it is behind.
 */
public final class BlockSync {
    private static final Logger LOG = LoggerFactory.getLogger(BlockSync.class);
    public static final long STATUS_INTERVAL_MS = 500;
    public static final long REQUEST_TIMEOUT_MS = 3_000;
    /** Largest answer in bytes (below the transport's frame limit). */
    public static final int MAX_ANSWER_BYTES = 8 << 20;

    private final BlockSource source;
    private final BlockSink sink;
    private final Network network;
    private final Map<PublicKey, Long> peerHeights = new ConcurrentHashMap<>();
    private volatile long requestedAtMs;
    private volatile long requestedFrom;
    private volatile PublicKey requestedOf;
    private volatile long syncedBlocks;

    public BlockSync(BlockSource source, BlockSink sink, Network network) {
        this.source = source;
        this.sink = sink;
        this.network = network;
    }

    /** Called every {@link #STATUS_INTERVAL_MS}: announce our height, and fetch if someone is ahead. */
    public void periodic(long nowMs) {
        network.broadcast(Channel.BLOCK_SYNC, new SyncMessage.Status(source.height(), source.lastBlockHash()).encode());
        long ours = source.height();
        Optional<Map.Entry<PublicKey, Long>> best = peerHeights.entrySet().stream()
                .filter(e -> network.connected().contains(e.getKey()))
                .max(Map.Entry.comparingByValue());
        if (best.isPresent() && best.get().getValue() > ours) {
            fetch(ours + 1, best.get().getValue(), List.of(best.get().getKey()), nowMs);
        }
    }

    /** Fetches blocks {@code from..to}, preferably from {@code holders}. */
    public void request(long from, long to, List<PublicKey> holders, long nowMs) {
        fetch(from, to, holders, nowMs);
    }

    private synchronized void fetch(long from, long to, List<PublicKey> holders, long nowMs) {
        if (requestedOf != null && requestedFrom == from && nowMs - requestedAtMs < REQUEST_TIMEOUT_MS) {
            return;
        }
        List<PublicKey> candidates = new ArrayList<>();
        for (PublicKey h : holders) {
            if (network.connected().contains(h)) {
                candidates.add(h);
            }
        }
        if (candidates.isEmpty()) {
            for (Map.Entry<PublicKey, Long> e : peerHeights.entrySet()) {
                if (e.getValue() >= from && network.connected().contains(e.getKey())) {
                    candidates.add(e.getKey());
                }
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        // After a timeout, ask someone else than last time if possible.
        PublicKey peer = candidates.get(0);
        if (candidates.size() > 1 && peer.equals(requestedOf)) {
            peer = candidates.get(1);
        }
        int count = (int) Math.min(SyncMessage.MAX_BLOCKS_PER_ANSWER, to - from + 1);
        requestedOf = peer;
        requestedFrom = from;
        requestedAtMs = nowMs;
        network.send(peer, Channel.BLOCK_SYNC, new SyncMessage.GetBlocks(from, count).encode());
    }

    /** A BLOCK_SYNC frame from a peer. */
    public void onMessage(PublicKey from, byte[] payload) {
        SyncMessage msg;
        try {
            msg = SyncMessage.decode(payload);
        } catch (CodecException e) {
            network.penalize(from, "malformed sync message: " + e.getMessage());
            return;
        }
        if (msg instanceof SyncMessage.Status s) {
            peerHeights.put(from, s.height());
        } else if (msg instanceof SyncMessage.GetBlocks g) {
            serve(from, g);
        } else if (msg instanceof SyncMessage.Blocks b) {
            synchronized (this) {
                if (from.equals(requestedOf)) {
                    requestedOf = null;
                }
            }
            for (SyncMessage.CertifiedBlock cb : b.blocks()) {
                sink.offer(from, cb);
                syncedBlocks++;
            }
        }
    }

    private void serve(PublicKey to, SyncMessage.GetBlocks g) {
        List<SyncMessage.CertifiedBlock> out = new ArrayList<>();
        long bytes = 0;
        for (long h = g.fromHeight(); h < g.fromHeight() + g.maxCount() && h <= source.height(); h++) {
            Optional<SyncMessage.CertifiedBlock> b = source.block(h);
            if (b.isEmpty()) {
                break;
            }
            bytes += b.get().block().encode().length + 128L * b.get().certificate().signatures().size();
            if (!out.isEmpty() && bytes > MAX_ANSWER_BYTES) {
                break;
            }
            out.add(b.get());
        }
        if (!out.isEmpty()) {
            network.send(to, Channel.BLOCK_SYNC, new SyncMessage.Blocks(out).encode());
            LOG.debug("served {} blocks from {} to {}", out.size(), g.fromHeight(), to);
        }
    }

    public long highestPeerHeight() {
        return peerHeights.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    public long syncedBlocks() {
        return syncedBlocks;
    }
}
