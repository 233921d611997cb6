package io.mutualchain.ledger;

import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.ledger.exec.BlockExecutor;
import io.mutualchain.ledger.exec.Refusal;
import io.mutualchain.ledger.exec.StateChecks;
import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.ledger.store.Cf;
import io.mutualchain.ledger.store.Head;
import io.mutualchain.ledger.store.Keys;
import io.mutualchain.ledger.store.RocksLedgerDb;
import java.util.Optional;

/**
 * The pool's admission checks against the committed ledger: stateless (through the cache of verified
 * transactions that proposal validation and commit share), nonce and balance, and the ledger's rules.
 * They read only; a commit racing them is seen whole or not at all.
 */
final class AdmissionChecks {
    private final RocksLedgerDb db;
    private final Genesis genesis;
    private final VerifiedTxCache verified;

    AdmissionChecks(RocksLedgerDb db, Genesis genesis, VerifiedTxCache verified) {
        this.db = db;
        this.genesis = genesis;
        this.verified = verified;
    }

    /** See {@link Ledger#checkStateless(Transaction)}. */
    Optional<TxRejection> checkStateless(Transaction tx) {
        return verified.check(tx);
    }

    /** See {@link Ledger#checkAgainstState(Transaction)}. */
    Optional<TxRejection> checkAgainstState(Transaction tx) {
        return StateChecks.check(tx, StateReads.readAccount(db::get, tx.senderAddress()), genesis.params().baseFee(), genesis.params().gasPrice());
    }

    /** See {@link Ledger#checkRules(Transaction)}. */
    Optional<TxRejection> checkRules(Transaction tx) {
        return db.withSnapshot(r -> {
            // Head and validator schedule from the same snapshot as the state, so a commit racing this check cannot mix two tips.
            Head head = Head.decode(r.get(Cf.META, Keys.META_HEAD));
            ValidatorSchedule schedule = ValidatorSchedule.decode(r.get(Cf.STATE, StateKeys.validatorsKey()));
            long next = head.height() + 1;
            ValidatorSet validators = schedule.promotesAt(next) ? schedule.pending().get().validators() : schedule.current().validators();
            BlockExecutor.BlockContext ctx = new BlockExecutor.BlockContext(next, head.timeMs(), validators.get(0).address(), genesis, validators);
            DbState state = new DbState(r);
            long balance = state.account(tx.senderAddress()).balance();
            long fee = genesis.params().baseFee();
            if (fee > balance || StateChecks.amountOf(tx, genesis.params().gasPrice()) > balance - fee) {
                // Not a rule matter: the pool refuses it for its balance, in its own words.
                return Optional.<TxRejection>empty();
            }
            return BlockExecutor.checkRules(state, tx, ctx).map(Refusal::toRejection);
        });
    }
}
