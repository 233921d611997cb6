package io.mutualchain.core.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Amounts of MTN. On chain every amount is a {@code long} count of the smallest unit
 * (10^-8 MTN, 8 decimals); decimal text like {@code 12.5} exists only at the edges (CLI, RPC) and is
 * converted exactly here, never through floating point.
 */
public final class Mtn {
    public static final int DECIMALS = 8;
    public static final long UNIT = 100_000_000L;
    /** The fixed supply, 400,000,000 MTN, in base units. */
    public static final long TOTAL_SUPPLY = 400_000_000L * UNIT;
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

    private Mtn() {
    }

    /** Parses decimal MTN ("12.5", "0.00000001") to base units; rejects negatives, more than 8 decimals and values above the supply. */
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("amount is missing");
        }
        String plain = text.trim();
        // Plain ASCII decimals only: BigDecimal alone also takes exponents ("1e100000000" costs
        // seconds of CPU, "1e2147483647" throws ArithmeticException), signs and other scripts' digits.
        if (!PLAIN_DECIMAL.matcher(plain).matches()) {
            throw new IllegalArgumentException("amount '" + text + "' is not a decimal number");
        }
        BigDecimal d = new BigDecimal(plain);
        if (d.signum() < 0) {
            throw new IllegalArgumentException("amount '" + text + "' is negative");
        }
        if (d.stripTrailingZeros().scale() > DECIMALS) {
            throw new IllegalArgumentException("amount '" + text + "' has more than " + DECIMALS + " decimal places");
        }
        BigInteger units = d.movePointRight(DECIMALS).toBigIntegerExact();
        if (units.compareTo(BigInteger.valueOf(TOTAL_SUPPLY)) > 0) {
            throw new IllegalArgumentException("amount '" + text + "' exceeds the total supply of 400000000 MTN");
        }
        return units.longValueExact();
    }

    /** Formats base units as decimal MTN without trailing zeros ("12.5", "0", "0.00000001"). */
    public static String format(long units) {
        BigDecimal d = BigDecimal.valueOf(units, DECIMALS).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
