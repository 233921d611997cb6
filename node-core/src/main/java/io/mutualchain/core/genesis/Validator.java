package io.mutualchain.core.genesis;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.types.Address;

/** A validator: a display name and the Ed25519 key it signs consensus messages with. */
public record Validator(String name, PublicKey publicKey) {
    public Validator {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("validator name must be 1 to 64 characters");
        }
    }

    public Address address() {
        return Address.of(publicKey);
    }
}
