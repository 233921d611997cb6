package io.mutualchain.node.runtime;

import io.mutualchain.core.block.Block;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.pbft.BlockValidator;
import io.mutualchain.pbft.Verdict;
import java.util.Optional;

/**
 * Consensus asks the ledger whether a proposed block may be voted for. A block for a height whose
 * parent is not applied yet cannot be judged (its state root is the parent's), so the answer is
 * "not yet" and the engine asks again after the parent is applied.
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
        Optional<String> problem = ledger.validateProposal(block);
        return problem.map(Verdict::invalid).orElse(Verdict.VALID);
    }
}
