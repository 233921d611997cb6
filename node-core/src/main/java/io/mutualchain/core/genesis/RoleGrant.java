package io.mutualchain.core.genesis;

import io.mutualchain.core.types.Address;

/** A role an address holds from genesis. */
public record RoleGrant(Address address, Role role) {
    public RoleGrant {
        if (address == null || role == null) {
            throw new IllegalArgumentException("a role grant needs an address and a role");
        }
    }
}
