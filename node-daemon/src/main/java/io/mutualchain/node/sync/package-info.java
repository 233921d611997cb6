/**
 * Block sync and transaction gossip between nodes, on top of the P2P transport's channels. Sync
 * messages are node-daemon's own (the transport moves opaque bytes): a node announces its height,
 * asks a peer for blocks from a height, and the peer answers with blocks and their commit
 * certificates, which the receiver verifies before applying. Every message and batch is bounded.
 */
package io.mutualchain.node.sync;
