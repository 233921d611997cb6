/**
 * The peer-to-peer transport of a permissioned consortium, as the daemon sees it: {@link
 * io.mutualchain.p2p.P2pNode} moves opaque byte payloads on three logical channels (consensus,
 * transaction gossip, block sync) between nodes whose Ed25519 chain keys are on an allow-list.
 *
 * <p>It exists apart from the daemon so that the network's hard parts (authentication, encryption,
 * framing limits, back-pressure, bans, reconnects, one link per pair) are tested with real sockets
 * on their own, and so that it depends on nothing above node-core: it never parses a consensus
 * message, and roles (validator or observer) are not its business.
 *
 * <p>Security in one paragraph: every connection runs an X25519 ephemeral key exchange whose
 * transcript both ends sign with their chain identity (see {@link io.mutualchain.p2p.secure}); frames
 * are AES-256-GCM with per-direction keys and counter nonces. A peer is admitted only after its
 * signature verifies, its key is on the allow-list and not banned, and its chain id, genesis hash
 * and protocol version equal ours; before that, nothing it sends is delivered. Details and the
 * queue policies are in docs/p2p.md.
 */
package io.mutualchain.p2p;
