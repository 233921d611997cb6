package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;

/**
 * The application's check of a proposed block (state root, transactions, timestamp). The engine
 * has already checked chain id, height, proposer, parent hash, body and size; it calls this only
 * once the parent height is applied, but an application may still answer NOT_YET.
 * Must be deterministic: every honest validator must reach the same verdict.
 */
@FunctionalInterface
public interface BlockValidator {
    Verdict validate(Block block);
}
