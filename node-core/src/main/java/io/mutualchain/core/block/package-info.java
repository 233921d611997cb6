/**
 * Blocks, headers and commit certificates. A block's header commits to its transactions (Merkle
 * root) and to the world state before them (the state root after the parent block); the commit
 * certificate, the validators' signatures on the block hash, travels with the block so that anyone
 * holding the validator set can check finality later, offline.
 */
package io.mutualchain.core.block;
