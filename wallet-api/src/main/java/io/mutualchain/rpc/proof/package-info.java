/**
 * Client-side checking of state proofs, so that a wallet need not trust the node it asks: a proof
 * from {@code mc_getProof} is checked against the state root in a block header, and the header against
 * its commit certificate and the validator set the client already trusts (from genesis). The code is
 * written here again from the published scheme (docs/ledger.md) rather than shared with the node, so
 * that the client's check does not depend on the server's code being right.
 *
 * <p>The trusted set changes when governance changes the validators. {@link
 * io.mutualchain.rpc.proof.ValidatorSetChain} lets a client that trusts only the genesis set follow
 * those changes: each hand-over from {@code mc_getValidatorHandovers} is a header certified by the set
 * trusted so far and a proof, against that header's state root, of the validator schedule naming the
 * next set. Checked in order, they give the set to check any later header's certificate with.
 */
package io.mutualchain.rpc.proof;
