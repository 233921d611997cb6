package io.mutualchain.ledger.exec;

import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.ContractCall;
import io.mutualchain.core.tx.ContractDeploy;
import io.mutualchain.core.tx.CreditClose;
import io.mutualchain.core.tx.FraudRuling;
import io.mutualchain.core.tx.GovernanceVote;
import io.mutualchain.core.tx.Join;
import io.mutualchain.core.tx.KycAttest;
import io.mutualchain.core.tx.Rate;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.tx.TxPayload;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.tx.ValidatorVote;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.Account;
import io.mutualchain.ledger.ContractReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs a block's transactions in order on an {@link Overlay} of the committed state. Pure: it reads
 * through {@link CommittedState}, writes nothing, and returns what changed, so the same code serves
 * proposal validation (discard the result) and commit (write it in one batch).
 *
 * <p>Three outcomes. A transaction that fails a validity check (stateless checks, nonce, balance for
 * amount plus fee) is FAILED: it changes nothing, and a block containing one is not voted for. A valid
 * transaction that a ledger rule refuses ({@link Refusal}: the asset state machine, roles, member
 * levels, limits, vesting) is REJECTED: it pays the fee and uses its nonce, and nothing else changes,
 * so the sender's next nonces stay executable and a proposer never has to predict rule outcomes.
 * Otherwise it SUCCEEDS. Every valid transaction pays the base fee to the proposer; a contract
 * transaction also pays gas used × the chain's gas price, whether its run succeeded or not, and a run
 * that reverts, runs out of gas or traps is REJECTED with its state changes dropped.
 */
public final class BlockExecutor {
    private BlockExecutor() {
    }

    public enum Status {
        SUCCESS, FAILED, REJECTED
    }

    /**
     * One transaction's outcome; {@code rejection} is set unless it succeeded, {@code refusal} only when a
     * ledger rule refused it, {@code contract} when a contract transaction ran (successfully or not).
     */
    public record TxOutcome(Status status, Optional<TxRejection> rejection, Optional<Refusal> refusal, long feePaid,
                            Optional<ContractReceipt> contract) {
        public TxOutcome(Status status, Optional<TxRejection> rejection, Optional<Refusal> refusal, long feePaid) {
            this(status, rejection, refusal, feePaid, Optional.empty());
        }

        public boolean succeeded() {
            return status == Status.SUCCESS;
        }
    }

    /**
     * The block being executed: its height, header time and proposer, and the validator set in force at
     * its height (the ledger's {@code epochAt(height)}; the executor checks it against the state's schedule).
     */
    public record BlockContext(long height, long timeMs, Address proposer, Genesis genesis, ValidatorSet validators) {
    }

    /**
     * @param outcomes       one per transaction, in block order
     * @param changed        the final account of every address the block touched, ordered by address
     * @param before         the committed account of each of those addresses
     * @param entries        the final value of every other state entry the block wrote, by state key (unsigned order)
     * @param feesPaid       sum of fees moved to the proposer
     */
    public record Result(List<TxOutcome> outcomes, NavigableMap<Address, Account> changed, Map<Address, Account> before,
                         NavigableMap<byte[], byte[]> entries, long feesPaid) {
        public long accountsCreated() {
            long n = 0;
            for (Map.Entry<Address, Account> e : changed.entrySet()) {
                if (before.get(e.getKey()).isEmpty() && !e.getValue().isEmpty()) {
                    n++;
                }
            }
            return n;
        }

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
     * Executes {@code txs}.
     *
     * @param stateless the checks that do not read state (chain, size, fee, signature), run first
     */
    public static Result execute(CommittedState committed, List<Transaction> txs, BlockContext block,
                                 Function<Transaction, Optional<TxRejection>> stateless) {
        Overlay overlay = Overlay.over(committed);
        // Before any transaction: the block's own transactions (and its proposer and certificate) belong to the epoch in force at its height.
        ValidatorRules.promoteIfDue(overlay, block.height(), block.validators());
        long baseFee = block.genesis().params().baseFee();
        long gasPrice = block.genesis().params().gasPrice();
        List<TxOutcome> outcomes = new ArrayList<>(txs.size());
        long fees = 0;
        for (Transaction tx : txs) {
            Optional<TxRejection> bad = stateless.apply(tx);
            Address sender = tx.senderAddress();
            if (bad.isEmpty()) {
                bad = StateChecks.check(tx, overlay.account(sender), baseFee, gasPrice);
            }
            if (bad.isPresent()) {
                outcomes.add(new TxOutcome(Status.FAILED, bad, Optional.empty(), 0));
                continue;
            }
            TxContext ctx = new TxContext(tx, block.height(), block.timeMs(), block.proposer(), block.genesis(), block.validators());
            Overlay scratch = overlay.child();
            Optional<Refusal> refused = applyRules(scratch, ctx);
            Optional<ContractReceipt> run = Optional.empty();
            if (refused.isEmpty() && isContract(tx.payload())) {
                run = Optional.of(runContract(scratch, ctx));
            }
            boolean ok = refused.isEmpty() && run.map(ContractReceipt::succeeded).orElse(true);
            if (ok) {
                scratch.mergeIntoParent();
            }
            // Gas used never exceeds the limit, and StateChecks made sure the sender holds limit × price.
            long fee = baseFee + run.map(r -> r.gasUsed() * gasPrice).orElse(0L);
            Account s = overlay.account(sender);
            overlay.put(sender, s.withBalance(s.balance() - fee).withNonce(s.nonce() + 1));
            overlay.credit(block.proposer(), fee);
            fees += fee;
            if (ok) {
                outcomes.add(new TxOutcome(Status.SUCCESS, Optional.empty(), Optional.empty(), fee, run));
            } else if (refused.isPresent()) {
                outcomes.add(new TxOutcome(Status.REJECTED, Optional.of(refused.get().toRejection()), refused, fee, run));
            } else {
                ContractReceipt r = run.get();
                TxRejection why = TxRejection.of(TxRejection.Reason.NOT_ALLOWED, r.status() + ": " + r.message());
                outcomes.add(new TxOutcome(Status.REJECTED, Optional.of(why), Optional.empty(), fee, run));
            }
        }
        NavigableMap<Address, Account> changed = new TreeMap<>();
        Map<Address, Account> before = new TreeMap<>();
        for (Map.Entry<Address, Account> e : overlay.accountChanges().entrySet()) {
            Account was = committed.account(e.getKey());
            if (!e.getValue().equals(was)) {
                changed.put(e.getKey(), e.getValue());
                before.put(e.getKey(), was);
            }
        }
        return new Result(List.copyOf(outcomes), changed, before, overlay.entryChanges(), fees);
    }

    static boolean isContract(TxPayload p) {
        return p instanceof ContractDeploy || p instanceof ContractCall;
    }

    private static ContractReceipt runContract(Overlay s, TxContext ctx) {
        TxPayload p = ctx.tx().payload();
        return p instanceof ContractDeploy d ? ContractRules.deploy(s, ctx, d) : ContractRules.call(s, ctx, (ContractCall) p);
    }

    /**
     * The rules of one valid transaction, on a scratch overlay; the fee and nonce are the caller's. For a
     * contract transaction these are only the checks before its run (the run itself is the caller's, so
     * that mempool admission never executes contract code).
     */
    static Optional<Refusal> applyRules(Overlay s, TxContext ctx) {
        TxPayload p = ctx.tx().payload();
        if (isContract(p)) {
            return ContractRules.precheck(s, ctx);
        } else if (p instanceof Transfer t) {
            return MoneyRules.transfer(s, ctx, t);
        } else if (p instanceof AssetEvent e) {
            return AssetMachine.apply(s, ctx, e);
        } else if (p instanceof Join j) {
            return MoneyRules.join(s, ctx, j);
        } else if (p instanceof KycAttest k) {
            return MoneyRules.kyc(s, ctx, k);
        } else if (p instanceof Rate r) {
            return DealRules.rate(s, ctx, r);
        } else if (p instanceof CreditClose c) {
            return DealRules.closeCredit(s, ctx, c);
        } else if (p instanceof FraudRuling f) {
            return DealRules.fraud(s, ctx, f);
        } else if (p instanceof GovernanceVote v) {
            return GovernanceRules.vote(s, ctx, v);
        } else if (p instanceof ValidatorVote v) {
            return ValidatorRules.vote(s, ctx, v);
        }
        throw new IllegalStateException("no rules for payload kind " + p.kindName());
    }

    /**
     * The rule check of mempool admission: runs {@code tx}'s rules alone against the committed state,
     * as if its nonce were next, and says why a rule would refuse it. Pending transactions are not
     * seen, so an asset event that depends on one still in the pool is refused until that one commits.
     */
    public static Optional<Refusal> checkRules(CommittedState committed, Transaction tx, BlockContext block) {
        TxContext ctx = new TxContext(tx, block.height(), block.timeMs(), block.proposer(), block.genesis(), block.validators());
        Overlay overlay = Overlay.over(committed);
        ValidatorRules.promoteIfDue(overlay, block.height(), block.validators());
        return applyRules(overlay, ctx);
    }
}
