/**
 * The node's public API, as the wallets, back-office systems and the CLI see it. The daemon
 * implements the port {@link io.mutualchain.rpc.NodeApi} over its ledger, mempool and consensus;
 * {@link io.mutualchain.rpc.RpcServer} serves it as JSON-RPC 2.0 over HTTP and WebSocket (with
 * subscriptions); {@link io.mutualchain.rpc.RpcClient} is the Java SDK that calls it and {@link
 * io.mutualchain.rpc.RpcSubscriber} the SDK's subscription client; {@link io.mutualchain.rpc.JsonViews}
 * is the one JSON rendering of chain objects that both the RPC and the CLI's {@code --json} use.
 * This module depends on node-core only: it declares what it needs from the node instead of
 * reaching into ledger-store or the daemon, so either side can change its insides freely.
 */
package io.mutualchain.rpc;
