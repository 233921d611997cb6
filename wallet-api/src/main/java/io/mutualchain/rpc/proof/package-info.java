/**
 * Client-side checking of state proofs, so that a wallet need not trust the node it asks: a proof
 * from {@code mc_getProof} is checked against the state root in a block header, and the header against
 * its commit certificate and the validator set the client already trusts (from genesis). The code is
 * written here again from the published scheme (docs/ledger.md) rather than shared with the node, so
 * that the client's check does not depend on the server's code being right.
 */
package io.mutualchain.rpc.proof;
