package io.mutualchain.ledger.exec;

import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.Account;

/** Reads the committed world state. Accounts are never null (unknown is {@link Account#EMPTY}); other entries are null when absent. */
public interface CommittedState {
    Account account(Address address);

    /** The encoded value under a state key (see {@link io.mutualchain.ledger.state.StateKeys}), or null. */
    byte[] entry(byte[] stateKey);
}
