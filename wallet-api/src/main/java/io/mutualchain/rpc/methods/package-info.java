/**
 * The {@code mc_} methods: each one reads and checks its params, calls the {@link
 * io.mutualchain.rpc.NodeApi} port, and renders the answer with {@link io.mutualchain.rpc.JsonViews}.
 * Kept apart from the protocol package so that the protocol can be tested with the specification's
 * fixture methods and these methods with a fake node, each without the other.
 */
package io.mutualchain.rpc.methods;
