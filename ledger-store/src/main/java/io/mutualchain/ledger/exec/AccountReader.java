package io.mutualchain.ledger.exec;

import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.Account;

/** Reads committed accounts; never returns null (an unknown address is {@link Account#EMPTY}). */
@FunctionalInterface
public interface AccountReader {
    Account account(Address address);
}
