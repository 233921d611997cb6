/**
 * Transaction execution as pure functions over a read-only view of the committed accounts. Kept free
 * of storage so that validation of a proposal (execute, then discard) and commit (execute, then
 * write) are provably the same code, and so that it can be property-tested without a database.
 */
package io.mutualchain.ledger.exec;
