package io.mutualchain.ledger.exec;

import io.mutualchain.core.tx.Join;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.ledger.Account;
import java.util.Optional;

/**
 * The checks that need the sender's account: the nonce must be exactly the account's next nonce, and
 * the balance must cover the amount (for a contract transaction: value plus gas limit × gas price) plus the base fee. Shared by mempool admission, proposal
 * validation and execution, so all three refuse a transaction for the same reason in the same words.
 */
public final class StateChecks {
    private StateChecks() {
    }

    public static Optional<TxRejection> check(Transaction tx, Account sender, long baseFee, long gasPrice) {
        if (tx.nonce() < sender.nonce()) {
            return Optional.of(TxRejection.of(TxRejection.Reason.NONCE_TOO_LOW,
                    "nonce " + tx.nonce() + " was already used; the sender's next nonce is " + sender.nonce()));
        }
        if (tx.nonce() > sender.nonce()) {
            return Optional.of(TxRejection.of(TxRejection.Reason.NONCE_TOO_HIGH,
                    "nonce " + tx.nonce() + " is ahead of the sender's next nonce " + sender.nonce()));
        }
        long needed = amountOf(tx, gasPrice);
        // balance >= amount + fee, written so that no sum can overflow whatever the chain's fee is.
        if (baseFee > sender.balance() || needed > sender.balance() - baseFee) {
            return Optional.of(TxRejection.of(TxRejection.Reason.INSUFFICIENT_BALANCE,
                    "balance " + sender.balance() + " does not cover amount " + needed + " plus fee " + baseFee + " (base units)"));
        }
        return Optional.empty();
    }

    /**
     * The most MTN a transaction can move out of the sender's account, besides the base fee: a transfer's
     * amount, a join's fee, a contract transaction's value plus gas limit × gas price (unused gas is not
     * charged, but the sender must be able to pay for all of it), nothing for every other kind (asset
     * events move asset units, not MTN). The mempool uses the same number for its balance check.
     */
    public static long amountOf(Transaction tx, long gasPrice) {
        if (BlockExecutor.isContract(tx.payload())) {
            return ContractRules.maxSpend(tx.payload(), gasPrice);
        }
        if (tx.payload() instanceof Transfer t) {
            return t.amount();
        }
        if (tx.payload() instanceof Join j) {
            return j.fee();
        }
        return 0;
    }
}
