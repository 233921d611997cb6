/**
 * Connections as Netty sees them: the per-connection session state machine, the registry that keeps
 * one link per peer (with the deterministic tie-break) and the bans, bounded per-channel outbound
 * queues drained only while the socket is writable, and the dialler with jittered exponential
 * backoff. Internal to the transport: the daemon uses {@link io.mutualchain.p2p.P2pNode} only.
 */
package io.mutualchain.p2p.link;
