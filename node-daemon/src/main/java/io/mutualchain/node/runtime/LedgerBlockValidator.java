package io.mutualchain.node.runtime;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.pbft.BlockValidator;
import io.mutualchain.pbft.Verdict;

/**
 * Consensus asks the ledger whether a proposed block may be voted for. A block for a height whose
 * parent is not applied yet cannot be judged (its state root is the parent's), so the answer is
 * "not yet" and the engine asks again after the parent is applied. A refusal keeps the ledger's code.
 */
final class LedgerBlockValidator implements BlockValidator {
    private final Ledger ledger;

    LedgerBlockValidator(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Verdict validate(Block block) {
        if (block.height() > ledger.height() + 1) {
            return Verdict.NOT_YET;
        }
        return ledger.validateProposal(block) instanceof Validation.Refused r ? Verdict.invalid(r) : Verdict.VALID;
    }
}
