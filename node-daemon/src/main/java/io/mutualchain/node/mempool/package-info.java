/**
 * The transaction pool between the API (and later, gossip) and block proposal. It admits each
 * transaction once, after the stateless checks and a check against the committed state plus the
 * sender's pending transactions, keeps each sender's transactions in nonce order, and is bounded:
 * when full, new transactions are refused with POOL_FULL rather than evicting accepted ones, so a
 * wallet that was told "accepted" is never silently dropped by a flood.
 */
package io.mutualchain.node.mempool;
