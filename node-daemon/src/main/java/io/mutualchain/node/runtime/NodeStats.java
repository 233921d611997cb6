package io.mutualchain.node.runtime;

import java.util.concurrent.atomic.AtomicLong;

/** Counters the loops bump and the metrics endpoint reads. */
final class NodeStats {
    final AtomicLong committedBlocks = new AtomicLong();
    final AtomicLong committedTxs = new AtomicLong();
    final AtomicLong failedTxs = new AtomicLong();
    final AtomicLong rpcCalls = new AtomicLong();
    final AtomicLong rpcNanos = new AtomicLong();
}
