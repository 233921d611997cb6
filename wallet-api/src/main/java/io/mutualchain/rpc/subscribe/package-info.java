/**
 * Subscriptions over a WebSocket connection: {@code mc_subscribe} / {@code mc_unsubscribe} and the
 * {@code mc_subscription} notifications for new blocks, contract events and asset changes. The
 * daemon only says "height h is committed" ({@link io.mutualchain.rpc.subscribe.ChainEvents}), which
 * costs the consensus thread nothing; one hub thread then reads each block, its receipts and asset
 * records through the same {@link io.mutualchain.rpc.NodeApi} the methods use, renders them once
 * with {@link io.mutualchain.rpc.JsonViews}, and hands each connection the ones its filters match.
 * Reading by height means a burst of blocks cannot be lost or reordered; only a hub that falls more
 * than a named bound behind skips blocks, and then tells every subscriber which ones.
 */
package io.mutualchain.rpc.subscribe;
