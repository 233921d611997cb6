/**
 * The node's port to its peers: {@link io.mutualchain.node.net.Network} is what the consensus loop,
 * block sync and transaction gossip need of the P2P transport, and
 * {@link io.mutualchain.node.net.P2pNetwork} is that port over p2p-net. It is a package of its own
 * so that runtime (which assembles the node) and sync (which runtime creates) both depend on it
 * and not on each other: runtime → sync → net, no cycle.
 */
package io.mutualchain.node.net;
