package io.mutualchain.rpc;

/** The MTN supply after block {@code height} in base units (see docs/ledger.md): total, locked by vesting, circulating, the committee's reserve, fees paid. */
public record SupplyView(long height, long total, long locked, long circulating, long reserve, long feesPaid) {
}
