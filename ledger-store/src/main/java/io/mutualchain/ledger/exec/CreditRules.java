package io.mutualchain.ledger.exec;

/**
 * The credit score rules: integers, bounded to [0, {@link io.mutualchain.ledger.Account#CREDIT_MAX}],
 * applied to members only, in the transaction that causes them. Documented in docs/ledger.md; changing
 * a number here changes every node's state and is a hard fork.
 */
public final class CreditRules {
    /** A new member's score. */
    public static final int INITIAL = 500;
    /** Both parties of a completed transfer (E06). */
    public static final int TRANSFER_COMPLETED = 2;
    /** The owner, when credit is granted (E09). */
    public static final int CREDIT_CONFIRMED = 5;
    /** The owner, when the creditor closes the credit as repaid. */
    public static final int CREDIT_REPAID = 10;
    /** The requester, when a gateway, creditor, recipient or arbiter rejects a request (E02, E05 by the recipient or an arbiter, E08, E11). */
    public static final int REQUEST_REJECTED = -5;
    /** The owner, when the creditor closes the credit as defaulted. */
    public static final int CREDIT_DEFAULTED = -50;
    /** The rated party, per rating after a completed deal. */
    public static final int RATING = 3;
    /** The party an arbiter rules made a fraudulent claim. */
    public static final int FRAUD = -100;

    private CreditRules() {
    }
}
