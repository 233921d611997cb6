package io.mutualchain.ledger;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockGas;
import io.mutualchain.core.block.BlockLimitCode;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.validation.Validation;

/**
 * The chain parameters' bounds on one block: transactions, encoded bytes and declared gas. Checked
 * before a validator votes and again before a block is applied, so no node ever executes a block
 * whose work the chain parameters do not bound. The sizes are checked before the gas, so an
 * oversized block is refused without summing anything. A refusal carries a {@link BlockLimitCode}.
 */
final class BlockLimits {
    private BlockLimits() {
    }

    static Validation check(Block block, ChainParams p) {
        int txs = block.transactions().size();
        if (txs > p.maxBlockTxs()) {
            return Validation.refused(BlockLimitCode.TOO_MANY_TXS, "block has " + txs + " transactions; the limit is " + p.maxBlockTxs());
        }
        int bytes = block.encode().length;
        if (bytes > p.maxBlockBytes()) {
            return Validation.refused(BlockLimitCode.TOO_MANY_BYTES, "block is " + bytes + " bytes; the limit is " + p.maxBlockBytes());
        }
        long gas = BlockGas.of(block.transactions());
        if (gas > p.blockGasLimit()) {
            return Validation.refused(BlockLimitCode.GAS_OVER_LIMIT, "the block's contract transactions declare " + gas
                    + " gas together; the block gas limit is " + p.blockGasLimit());
        }
        return Validation.valid();
    }
}
