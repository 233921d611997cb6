package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.genesis.ValidatorSet;
import java.util.Optional;

/**
 * The checks the engine makes on a proposed block itself, before the application sees it: the
 * block belongs to this chain and this height, its proposer was the primary of the view in which
 * it was first proposed, its body matches its header, and it is within the size bounds. A block
 * re-proposed in NEW-VIEW keeps its original header, so its view may be lower than the pre-prepare's.
 */
final class BlockRules {
    private final PbftConfig config;
    private final ValidatorSet validators;

    BlockRules(PbftConfig config, ValidatorSet validators) {
        this.config = config;
        this.validators = validators;
    }

    Optional<String> check(Block block, long height, long prePrepareView, boolean reproposal) {
        BlockHeader h = block.header();
        if (!h.chainId().equals(config.chainId())) {
            return Optional.of("block is for chain " + h.chainId());
        }
        if (h.height() != height) {
            return Optional.of("block height " + h.height() + " is not the sequence number " + height);
        }
        if (reproposal ? h.view() > prePrepareView : h.view() != prePrepareView) {
            return Optional.of("block was proposed in view " + h.view() + ", pre-prepare is for view " + prePrepareView);
        }
        if (!h.proposer().equals(validators.primaryOf(h.view()))) {
            return Optional.of("block proposer is not the primary of view " + h.view());
        }
        if (block.transactions().size() > config.params().maxBlockTxs()) {
            return Optional.of("block has " + block.transactions().size() + " transactions, the limit is " + config.params().maxBlockTxs());
        }
        Optional<String> body = block.checkBody();
        if (body.isPresent()) {
            return body;
        }
        int size = block.encode().length;
        if (size > config.params().maxBlockBytes()) {
            return Optional.of("block is " + size + " bytes, the limit is " + config.params().maxBlockBytes());
        }
        return Optional.empty();
    }
}
