/**
 * The node daemon: the one place that knows every module. {@link io.mutualchain.node.Main} is the
 * command line; {@code runtime} assembles a node from the libraries in dependency order (ledger,
 * then consensus, then mempool, then the API) and owns the single consensus thread.
 */
package io.mutualchain.node;
