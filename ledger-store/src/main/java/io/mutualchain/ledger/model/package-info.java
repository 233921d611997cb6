/**
 * The value objects of the world state besides accounts: assets and their history records, completed
 * deals (what a rating refers to), and governance votes. Each has a canonical encoding because it is a
 * value in the state tree; each is immutable, so the executor's overlay can hand them around freely.
 */
package io.mutualchain.ledger.model;
