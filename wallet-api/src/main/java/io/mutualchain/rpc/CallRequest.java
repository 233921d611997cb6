package io.mutualchain.rpc;

import io.mutualchain.core.types.Address;
import java.util.List;
import java.util.Objects;

/**
 * A read-only contract call ({@code mc_call}, {@code mc_estimateGas}): as if {@code from} (the zero
 * address when not given) called {@code function} of {@code contract} with {@code args}, sending
 * {@code value} base units, in the next block.
 */
public record CallRequest(Address contract, String function, List<AbiValue> args, Address from, long value) {
    public CallRequest {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(from, "from");
        args = List.copyOf(args);
        if (value < 0) {
            throw new IllegalArgumentException("value cannot be negative");
        }
    }
}
