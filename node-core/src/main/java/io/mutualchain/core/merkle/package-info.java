/**
 * Binary Merkle trees in the RFC 6962 shape (leaf hash = SHA-256(0x00 || data), node hash =
 * SHA-256(0x01 || left || right), split at the largest power of two below n), with inclusion
 * proofs. The domain bytes keep a leaf from ever passing as an inner node, and the unbalanced split
 * avoids the duplicated-last-leaf ambiguity that let two different transaction lists share a root
 * in older chains.
 */
package io.mutualchain.core.merkle;
