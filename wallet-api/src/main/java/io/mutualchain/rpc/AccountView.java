package io.mutualchain.rpc;

import io.mutualchain.core.types.Address;
import java.util.Objects;

/** An account's committed state: balance in base units and the nonce its next transaction must carry. */
public record AccountView(Address address, long balance, long nonce) {
    public AccountView {
        Objects.requireNonNull(address, "address");
    }
}
