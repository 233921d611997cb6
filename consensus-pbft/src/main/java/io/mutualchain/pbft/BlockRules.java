package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.BlockLimitCode;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.validation.Validation;

/**
 * The checks the engine makes on a proposed block itself, before the application sees it: the
 * block belongs to this chain and this height, its proposer was the primary of the view in which
 * it was first proposed, its body matches its header, and it is within the size bounds. A block
 * re-proposed in NEW-VIEW keeps its original header, so its view may be lower than the pre-prepare's.
 * A refusal carries a {@link BlockRuleCode}, a {@link BlockLimitCode} or a {@link io.mutualchain.core.block.BodyCode}.
 */
final class BlockRules {
    private final PbftConfig config;
    private final ValidatorSet validators;

    BlockRules(PbftConfig config, ValidatorSet validators) {
        this.config = config;
        this.validators = validators;
    }

    Validation check(Block block, long height, long prePrepareView, boolean reproposal) {
        BlockHeader h = block.header();
        if (!h.chainId().equals(config.chainId())) {
            return Validation.refused(BlockRuleCode.WRONG_CHAIN, "block is for chain " + h.chainId());
        }
        if (h.height() != height) {
            return Validation.refused(BlockRuleCode.WRONG_HEIGHT, "block height " + h.height() + " is not the sequence number " + height);
        }
        if (reproposal ? h.view() > prePrepareView : h.view() != prePrepareView) {
            return Validation.refused(BlockRuleCode.WRONG_VIEW,
                    "block was proposed in view " + h.view() + ", pre-prepare is for view " + prePrepareView);
        }
        if (!h.proposer().equals(validators.primaryOf(h.view()))) {
            return Validation.refused(BlockRuleCode.PROPOSER_NOT_PRIMARY, "block proposer is not the primary of view " + h.view());
        }
        if (block.transactions().size() > config.params().maxBlockTxs()) {
            return Validation.refused(BlockLimitCode.TOO_MANY_TXS,
                    "block has " + block.transactions().size() + " transactions, the limit is " + config.params().maxBlockTxs());
        }
        Validation body = block.checkBody();
        if (!body.isOk()) {
            return body;
        }
        int size = block.encode().length;
        if (size > config.params().maxBlockBytes()) {
            return Validation.refused(BlockLimitCode.TOO_MANY_BYTES,
                    "block is " + size + " bytes, the limit is " + config.params().maxBlockBytes());
        }
        return Validation.valid();
    }
}
