package io.mutualchain.ledger;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.exec.BlockExecutor;
import io.mutualchain.ledger.store.DbReader;
import io.mutualchain.ledger.store.Head;
import java.util.List;
import io.mutualchain.core.validation.Validation;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks a validator runs on a proposed block before voting for it, cheapest first: header links,
 * proposer, the block limits (transactions, bytes, declared gas: {@link BlockLimits}), body against
 * header, then every transaction executed in order on a scratch copy of the state it touches. A
 * block that passes contains no invalid transaction (bad signature, nonce, or balance for amount plus
 * fee); transactions that a ledger rule refuses are allowed and get a REJECTED receipt (see
 * {@link BlockExecutor}).
 */
final class ProposalValidator {
    private ProposalValidator() {
    }

    /**
     * What validation found: the reason to refuse, or none; and the execution on the way (null when the
     * block was refused before its transactions ran), which commit may reuse for the same block on the
     * same tip instead of running it again.
     */
    record Checked(Validation refusal, BlockExecutor.Result executed) {
        static Checked refused(Validation why) {
            return new Checked(why, null);
        }
    }

    /** @param validators the set in force at the height after {@code tip} (see {@link Ledger#epochAt}) */
    static Checked validate(Block block, Head tip, Genesis genesis, ValidatorSet validators, DbReader reader,
                            Function<Transaction, Optional<TxRejection>> stateless) {
        ChainParams p = genesis.params();
        Validation links = HeaderLinks.check(block.header(), tip, genesis.chainId());
        if (!links.isOk()) {
            return Checked.refused(links);
        }
        if (!validators.contains(block.header().proposer())) {
            return Checked.refused(Validation.refused(ProposalCode.PROPOSER_NOT_VALIDATOR, "block proposer " + block.header().proposer()
                    + " is not a validator at height " + block.height()));
        }
        // The bounds before the body: counting and encoding are cheaper than hashing every transaction for the root.
        Validation over = BlockLimits.check(block, p);
        if (!over.isOk()) {
            return Checked.refused(over);
        }
        Validation body = block.checkBody();
        if (!body.isOk()) {
            return Checked.refused(body);
        }
        List<Transaction> list = block.transactions();
        BlockExecutor.Result r = BlockExecutor.execute(new DbState(reader), list,
                new BlockExecutor.BlockContext(block.height(), block.header().timestampMs(), Address.of(block.header().proposer()), genesis, validators),
                stateless);
        for (int i = 0; i < list.size(); i++) {
            BlockExecutor.TxOutcome o = r.outcomes().get(i);
            // A rule refusal (REJECTED) is a legitimate outcome the proposer could not predict; only invalid transactions spoil a block.
            if (o.status() == BlockExecutor.Status.FAILED) {
                return Checked.refused(Validation.refused(ProposalCode.TX_WOULD_FAIL,
                        "transaction " + i + " (" + list.get(i).id() + ") would fail: " + o.rejection().get()));
            }
        }
        return new Checked(Validation.valid(), r);
    }
}
