/**
 * Assembling and running one node. {@link io.mutualchain.node.runtime.Node} creates the
 * subsystems in dependency order and tears them down in reverse; the consensus loop is the one
 * thread that touches the consensus engine and writes the ledger, so neither needs locks of its own.
 */
package io.mutualchain.node.runtime;
