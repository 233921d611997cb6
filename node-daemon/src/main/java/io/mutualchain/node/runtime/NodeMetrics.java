package io.mutualchain.node.runtime;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.node.metrics.Metric;
import io.mutualchain.node.metrics.MetricsServer;
import io.mutualchain.node.sync.BlockSync;
import io.mutualchain.node.sync.TxGossip;
import io.mutualchain.p2p.P2pNode;
import io.mutualchain.p2p.RefusalReason;
import io.mutualchain.pbft.ViewChangeCause;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** The metrics a node exports and what "ready" means for it. */
final class NodeMetrics {
    /** A node this many blocks behind its best peer is still "caught up" (blocks commit while we look). */
    static final long READY_LAG_BLOCKS = 2;

    private NodeMetrics() {
    }

    static MetricsServer server(NodeConfig config, Ledger ledger, Mempool mempool, P2pNode p2p, BlockSync sync, NodeStats stats,
                                LongSupplier view, LongSupplier viewChanges, BooleanSupplier healthy, Supplier<ValidatorSet> currentSet,
                                BooleanSupplier validator, TxGossip gossip, LongSupplier adminRefused,
                                LongSupplier untimelyProposals, LongSupplier blockTimeLagMs, ViewChangeCounts causes,
                                LongSupplier proposalMaxTxs)
            throws IOException {
        List<Metric> m = new ArrayList<>();
        m.add(new Metric("mc_height", "gauge", "Height of the last committed block.", ledger::height));
        m.add(new Metric("mc_process_cpu_nanoseconds_total", "counter",
                "CPU time this node's process has used (all threads, user and system), as the JVM reports it.", ProcessCpu::nanos));
        m.add(new Metric("mc_blocks_committed_total", "counter", "Blocks committed (or synced) since the node started.", stats.committedBlocks::get));
        m.add(new Metric("mc_transactions_committed_total", "counter", "Successful transactions committed since the node started.", stats.committedTxs::get));
        m.add(new Metric("mc_transactions_failed_total", "counter", "Transactions committed with a failed receipt.", stats.failedTxs::get));
        m.add(new Metric("mc_view", "gauge", "Current PBFT view (0 on observers).", view));
        m.add(new Metric("mc_view_changes_total", "counter", "View changes this node took part in.", viewChanges));
        for (ViewChangeCause.Kind k : ViewChangeCause.Kind.values()) {
            m.add(new Metric("mc_view_changes_started_total", "cause=\"" + k.name() + "\"", "counter",
                    "View changes this node started or joined, by cause (each is also a WARN line 'view change started').",
                    () -> causes.of(k)));
        }
        m.add(new Metric("mc_proposal_max_txs", "gauge",
                "Most transactions this node's next proposal will carry: sized to commit within a third of the block-time rule's message delay.",
                proposalMaxTxs));
        m.add(new Metric("mc_proposals_untimely_total", "counter",
                "Proposals this validator refused because their block time was outside its clock window (block-time rule).", untimelyProposals));
        m.add(new Metric("mc_block_time_lag_ms", "gauge",
                "This node's clock minus the time of the last block when it was committed here; far from 0 means a wrong clock.", blockTimeLagMs));
        m.add(new Metric("mc_peers", "gauge", "Connected peers.", () -> p2p == null ? 0 : p2p.connectedPeers().size()));
        for (RefusalReason r : RefusalReason.values()) {
            m.add(new Metric("mc_p2p_handshakes_refused_total", "reason=\"" + r.name() + "\"", "counter",
                    "P2P connections refused before they became a link, by reason (each is also a WARN line, rate-limited per host).",
                    () -> p2p == null ? 0 : p2p.stats().refusals(r)));
        }
        m.add(new Metric("mc_p2p_key_conflicts_total", "counter",
                "Connections from a peer key that was already linked, often enough to mean two processes run with that key.",
                () -> p2p == null ? 0 : p2p.stats().keyConflicts()));
        m.add(new Metric("mc_mempool_size", "gauge", "Pending transactions.", mempool::size));
        m.add(new Metric("mc_mempool_bytes", "gauge", "Bytes of pending transactions.", mempool::bytes));
        m.add(new Metric("mc_rpc_calls_total", "counter", "JSON-RPC node API calls served.", stats.rpcCalls::get));
        m.add(new Metric("mc_rpc_latency_nanoseconds_total", "counter", "Time spent in node API calls; divide by mc_rpc_calls_total for the mean.", stats.rpcNanos::get));
        m.add(new Metric("mc_rpc_admin_refused_total", "counter", "Admin RPC calls refused for a missing or wrong bearer token.", adminRefused));
        m.add(new Metric("mc_sync_best_peer_height", "gauge", "Highest height a peer announced.", sync::highestPeerHeight));
        m.add(new Metric("mc_sync_blocks_received_total", "counter", "Blocks received by block sync.", sync::syncedBlocks));
        m.add(new Metric("mc_gossip_received_total", "counter", "Transactions received by gossip.", gossip::received));
        m.add(new Metric("mc_gossip_dropped_total", "counter", "Gossiped transactions dropped because workers were busy.", gossip::dropped));
        m.add(new Metric("mc_blocks_executed_once_total", "counter",
                "Committed blocks whose execution during proposal validation was reused at commit.", ledger::reusedExecutions));
        m.add(new Metric("mc_rocksdb_size_bytes", "gauge", "Approximate size of the node's RocksDB files.", ledger::approximateSizeBytes));
        return new MetricsServer(config.rpcHost(), config.metricsPort(), m, healthy, () -> {
            if (!healthy.getAsBoolean()) {
                return Optional.of("the node halted on a fault (see the FATAL line in its log)");
            }
            if (p2p == null) {
                return Optional.empty();
            }
            long behind = sync.highestPeerHeight() - ledger.height();
            if (behind > READY_LAG_BLOCKS) {
                return Optional.of("syncing: " + behind + " blocks behind the best peer");
            }
            if (validator.getAsBoolean()) {
                ValidatorSet validators = currentSet.get();
                int connectedValidators = 1;
                for (PublicKey k : p2p.connectedPeers()) {
                    if (validators.contains(k)) {
                        connectedValidators++;
                    }
                }
                if (connectedValidators < validators.quorum()) {
                    return Optional.of("connected to " + connectedValidators + " validators (with itself); a quorum is " + validators.quorum());
                }
            } else if (p2p.connectedPeers().isEmpty()) {
                return Optional.of("no peers connected");
            }
            return Optional.empty();
        });
    }
}
