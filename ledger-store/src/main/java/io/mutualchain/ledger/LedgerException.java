package io.mutualchain.ledger;

/**
 * The ledger could not do what was asked and nothing was changed: the database is locked by another
 * process, belongs to another genesis, is unreadable, or a block does not extend the committed chain.
 * The message is meant for an operator and says which value was wrong. A store that is damaged or
 * behind what it had committed is the subclass {@link LedgerDamagedException};
 * {@link BlockRefusedException} is the one kind a block's sender is to blame for.
 */
public class LedgerException extends Exception {
    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
