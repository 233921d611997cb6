package io.mutualchain.rpc;

import io.mutualchain.core.tx.TxRejection.Reason;
import java.util.Optional;

/**
 * The one place that gives each {@link Reason} a transaction can be refused for its JSON-RPC
 * application error code (docs/api.md "Transaction refusals"). The kernel only names reasons; the
 * numbers are this API's promise to wallets, which match on them, so changing one is a breaking
 * change. The switch is exhaustive: a new reason does not compile until it has a code here.
 */
public final class TxRejectionCodes {
    /** The first code of the range the refusals use (the numerically highest, -32010). */
    public static final int FIRST = -32010;
    /** The last code of the range given today (the numerically lowest); a new reason extends it. */
    public static final int LAST = -32022;

    private TxRejectionCodes() {
    }

    /** The JSON-RPC error code a refusal for {@code reason} is answered with. */
    public static int code(Reason reason) {
        return switch (reason) {
            case MALFORMED -> -32010;
            case TOO_LARGE -> -32011;
            case WRONG_CHAIN -> -32012;
            case BAD_SIGNATURE -> -32013;
            case FEE_TOO_LOW -> -32014;
            case NONCE_TOO_LOW -> -32015;
            case NONCE_TOO_HIGH -> -32016;
            case INSUFFICIENT_BALANCE -> -32017;
            case DUPLICATE -> -32018;
            case POOL_FULL -> -32019;
            case NOT_ALLOWED -> -32020;
            case GAS_OVER_BLOCK_LIMIT -> -32021;
            case SENDER_LIMIT -> -32022;
        };
    }

    /** The reason an error answer names, if {@code code} and {@code reasonName} agree on one. */
    public static Optional<Reason> reason(int code, String reasonName) {
        for (Reason r : Reason.values()) {
            if (r.name().equals(reasonName) && code(r) == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
