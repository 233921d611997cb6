package io.mutualchain.ledger;

import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.exec.CommittedState;
import io.mutualchain.ledger.store.Cf;
import io.mutualchain.ledger.store.DbReader;

/** The executor's view of committed state, read from the database (or a snapshot of it). */
final class DbState implements CommittedState {
    private final DbReader reader;

    DbState(DbReader reader) {
        this.reader = reader;
    }

    @Override
    public Account account(Address address) {
        return StateReads.readAccount(reader, address);
    }

    @Override
    public byte[] entry(byte[] stateKey) {
        return reader.get(Cf.STATE, stateKey);
    }
}
