package io.mutualchain.ledger;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.types.Mtn;

/**
 * Counters kept with every commit: the sum of all balances (which must stay {@link Mtn#TOTAL_SUPPLY},
 * the supply is minted once at genesis), how many accounts exist, and the fees paid to proposers so far.
 * Encoding (canonical codec): three uints in that order.
 */
public record MtnTotals(long sumOfBalances, long accounts, long feesPaid) {
    public MtnTotals {
        if (sumOfBalances < 0 || accounts < 0 || feesPaid < 0) {
            throw new IllegalArgumentException("totals cannot be negative");
        }
    }

    /** True when no MTN was created or destroyed. */
    public boolean matchesSupply() {
        return sumOfBalances == Mtn.TOTAL_SUPPLY;
    }

    public byte[] encode() {
        return new CanonicalWriter(32).uint(sumOfBalances).uint(accounts).uint(feesPaid).toByteArray();
    }

    public static MtnTotals decode(byte[] bytes) {
        return Decoding.strict(bytes, "totals", MtnTotals::read);
    }

    private static MtnTotals read(CanonicalReader r) {
        return new MtnTotals(r.uint("totals.sum", Long.MAX_VALUE), r.uint("totals.accounts", Long.MAX_VALUE),
                r.uint("totals.fees", Long.MAX_VALUE));
    }
}
