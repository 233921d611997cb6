package io.mutualchain.core.genesis;

import io.mutualchain.core.types.Address;

/** MTN (in base units) that an address holds at genesis. */
public record Allocation(Address address, long amount) {
    public Allocation {
        if (address == null) {
            throw new IllegalArgumentException("allocation address is missing");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("allocation to " + address + " must be positive");
        }
    }
}
