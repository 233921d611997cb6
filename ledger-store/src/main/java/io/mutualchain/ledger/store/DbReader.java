package io.mutualchain.ledger.store;

/** Point reads from one consistent view of the database (the latest data, or a snapshot). */
@FunctionalInterface
public interface DbReader {
    /** The value, or null when the key is absent. */
    byte[] get(Cf cf, byte[] key);
}
