package io.mutualchain.rpc;

import io.mutualchain.core.types.Address;
import java.util.Objects;

/**
 * An account's committed state: balance in base units and the nonce its next transaction must carry;
 * member level (0 none, 1, 2), credit score, role bits (see {@link io.mutualchain.core.genesis.Role}),
 * and the part of the balance still locked by vesting at the tip's block time.
 */
public record AccountView(Address address, long balance, long nonce, int level, int credit, int roles, long locked) {
    public AccountView {
        Objects.requireNonNull(address, "address");
    }

    /** An account that is no member, holds no role and has nothing locked. */
    public AccountView(Address address, long balance, long nonce) {
        this(address, balance, nonce, 0, 0, 0, 0);
    }
}
