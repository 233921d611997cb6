package io.mutualchain.node.runtime;

import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.node.mempool.AccountState;

/** The mempool's view of committed accounts, read from the ledger. */
final class LedgerAccounts implements AccountState {
    private final Ledger ledger;

    LedgerAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public long balance(Address address) {
        return ledger.account(address).balance();
    }

    @Override
    public long nonce(Address address) {
        return ledger.account(address).nonce();
    }
}
