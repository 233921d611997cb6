package io.mutualchain.ledger;

/**
 * The MTN supply after block {@code height}, in base units: {@code total} is the sum of all balances
 * (always the fixed supply), {@code locked} what vesting schedules still hold back (never more than the
 * vesting addresses hold), {@code circulating} the rest, {@code reserve} the committee account's balance
 * (part of circulating), {@code feesPaid} all fees moved to proposers so far.
 */
public record Supply(long height, long total, long locked, long circulating, long reserve, long feesPaid) {
}
