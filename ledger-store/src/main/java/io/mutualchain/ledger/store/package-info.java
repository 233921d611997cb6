/**
 * RocksDB: column families, key layout, and the one place that owns native RocksDB objects. Everything
 * RocksDB-specific stays here so that the rest of the ledger reads like the data model, and so that
 * lock and I/O errors are translated once into messages an operator can act on.
 */
package io.mutualchain.ledger.store;
