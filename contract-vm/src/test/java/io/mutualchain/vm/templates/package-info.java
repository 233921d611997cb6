/**
 * Scenario tests for the contract templates shipped in the repository's {@code contracts/} folder:
 * they assemble the real sources and run them on an in-memory ledger with MTN balances, so a
 * template change that breaks a product rule or loses a base unit fails here before it ships.
 */
package io.mutualchain.vm.templates;
