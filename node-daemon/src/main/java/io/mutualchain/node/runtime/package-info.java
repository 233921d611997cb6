/**
 * Assembling and running one node. {@link io.mutualchain.node.runtime.Node} creates the
 * subsystems in dependency order and tears them down in reverse; the consensus loop is the one
 * thread that touches the consensus engine and writes the ledger, so neither needs locks of its own.
 * {@link io.mutualchain.node.runtime.ConsensusLoop} is only that thread and its task discipline
 * (queue, tick, drain, halt); the work of its tasks is in package-private parts of one concern each:
 * handling inbound consensus messages, building proposals, and the driver's callbacks with the status
 * they publish.
 */
package io.mutualchain.node.runtime;
