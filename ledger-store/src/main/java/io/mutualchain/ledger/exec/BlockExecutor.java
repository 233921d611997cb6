package io.mutualchain.ledger.exec;

import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.Account;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs a block's transactions in order against a scratch overlay of the committed accounts. Pure: it
 * reads through {@link AccountReader}, writes nothing, and returns what changed, so the same code
 * serves proposal validation (discard the result) and commit (write it in one batch). A transaction
 * that fails any check gets a rejection and changes nothing, not even its nonce or the fee; that is
 * decided only from the block and the committed state, so every node decides the same.
 */
public final class BlockExecutor {
    private BlockExecutor() {
    }

    /** One transaction's outcome: a rejection, or success with the fee it paid. */
    public record TxOutcome(Optional<TxRejection> rejection, long feePaid) {
        public boolean succeeded() {
            return rejection.isEmpty();
        }
    }

    /**
     * @param outcomes        one per transaction, in block order
     * @param changed         the final account of every address the block touched, ordered by address
     * @param before          the committed account of each of those addresses
     * @param feesPaid        sum of fees moved to the proposer
     */
    public record Result(List<TxOutcome> outcomes, NavigableMap<Address, Account> changed, Map<Address, Account> before, long feesPaid) {
        /** How many of the touched accounts did not exist before (the state tree treats an empty account as absent). */
        public long accountsCreated() {
            long n = 0;
            for (Map.Entry<Address, Account> e : changed.entrySet()) {
                if (before.get(e.getKey()).isEmpty() && !e.getValue().isEmpty()) {
                    n++;
                }
            }
            return n;
        }

        /** How many touched accounts became empty. */
        public long accountsRemoved() {
            long n = 0;
            for (Map.Entry<Address, Account> e : changed.entrySet()) {
                if (!before.get(e.getKey()).isEmpty() && e.getValue().isEmpty()) {
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * Executes {@code txs} with fees going to {@code proposer}.
     *
     * @param stateless the checks that do not read state (chain, size, fee, signature), run first
     */
    public static Result execute(AccountReader committed, List<Transaction> txs, Address proposer, long baseFee,
                                 Function<Transaction, Optional<TxRejection>> stateless) {
        Map<Address, Account> before = new HashMap<>();
        Map<Address, Account> overlay = new HashMap<>();
        Function<Address, Account> read = a -> overlay.computeIfAbsent(a, x -> {
            Account c = committed.account(x);
            before.put(x, c);
            return c;
        });
        List<TxOutcome> outcomes = new ArrayList<>(txs.size());
        long fees = 0;
        for (Transaction tx : txs) {
            Optional<TxRejection> bad = stateless.apply(tx);
            Address senderAddress = tx.senderAddress();
            if (bad.isEmpty()) {
                bad = StateChecks.check(tx, read.apply(senderAddress), baseFee);
            }
            if (bad.isPresent()) {
                outcomes.add(new TxOutcome(bad, 0));
                continue;
            }
            Transfer t = (Transfer) tx.payload();
            Account s = read.apply(senderAddress);
            overlay.put(senderAddress, new Account(s.balance() - t.amount() - baseFee, s.nonce() + 1));
            Account r = read.apply(t.to());
            overlay.put(t.to(), new Account(r.balance() + t.amount(), r.nonce()));
            Account p = read.apply(proposer);
            overlay.put(proposer, new Account(p.balance() + baseFee, p.nonce()));
            fees += baseFee;
            outcomes.add(new TxOutcome(Optional.empty(), baseFee));
        }
        NavigableMap<Address, Account> changed = new TreeMap<>();
        for (Map.Entry<Address, Account> e : overlay.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                changed.put(e.getKey(), e.getValue());
            }
        }
        return new Result(List.copyOf(outcomes), changed, before, fees);
    }
}
