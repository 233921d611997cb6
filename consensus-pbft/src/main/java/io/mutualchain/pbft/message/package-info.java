/**
 * The PBFT wire messages as immutable records behind one sealed interface, with their canonical
 * encoding and their signing bytes. Kept apart from the engine so that the codec can be tested
 * (and fuzzed) on its own, and so that nothing here knows about state: a message is a value, and
 * {@link io.mutualchain.pbft.message.Signed} is the only place where a signature is attached.
 * Every signature is domain-separated ("MC-PBFT-V1", chain id, message tag), except COMMIT, which
 * signs exactly {@link io.mutualchain.core.block.CommitVote#signingBytes} so that the commits a
 * replica collects are the block's commit certificate.
 */
package io.mutualchain.pbft.message;
