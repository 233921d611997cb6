/**
 * What an operator watches: a Prometheus text endpoint ({@code /metrics}) and two probes,
 * {@code /health} (the process is alive and its loops run) and {@code /ready} (caught up with its
 * peers and, for a validator, connected to enough validators to reach a quorum). Served by the
 * JDK's small HTTP server on its own port, so a busy JSON-RPC port never hides the node's state.
 */
package io.mutualchain.node.metrics;
