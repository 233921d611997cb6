/**
 * Transactions: what a wallet signs and the chain orders. A transaction names its chain (no
 * replay across chains), its sender's public key, a nonce (no replay within the chain), the most
 * fee the sender will pay, and one typed payload; the Ed25519 signature covers the canonical
 * encoding of all of that. Stateless checks live here; checks that need the ledger (nonce, balance)
 * live in ledger-store and report the same typed {@link io.mutualchain.core.tx.TxRejection}.
 */
package io.mutualchain.core.tx;
