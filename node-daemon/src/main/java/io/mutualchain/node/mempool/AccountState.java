package io.mutualchain.node.mempool;

import io.mutualchain.core.types.Address;

/** The committed balance and nonce of an account, as the mempool needs them. */
public interface AccountState {
    long balance(Address address);

    long nonce(Address address);
}
