package io.mutualchain.core.genesis;

import io.mutualchain.core.types.Address;
import java.math.BigInteger;

/**
 * MTN of an address that the ledger keeps locked: all of {@code amount} until
 * {@code cliffEndMs}, then released linearly until {@code cliffEndMs + releaseMs}. Time is block time
 * (header timestamps), never a node's clock. The whitepaper's team and early-investor share is locked
 * one year, then released over two years.
 */
public record VestingSchedule(Address address, long amount, long cliffEndMs, long releaseMs) {
    public VestingSchedule {
        if (address == null) {
            throw new IllegalArgumentException("vesting address is missing");
        }
        if (amount <= 0 || cliffEndMs < 0 || releaseMs < 0) {
            throw new IllegalArgumentException("vesting of " + address + " needs a positive amount and non-negative times");
        }
    }

    /** MTN still locked at block time {@code timeMs}; integer arithmetic, rounding the released part down. */
    public long lockedAt(long timeMs) {
        if (timeMs < cliffEndMs) {
            return amount;
        }
        long elapsed = timeMs - cliffEndMs;
        if (releaseMs == 0 || elapsed >= releaseMs) {
            return 0;
        }
        long released = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(elapsed)).divide(BigInteger.valueOf(releaseMs)).longValueExact();
        return amount - released;
    }
}
