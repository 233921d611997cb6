package io.mutualchain.ledger;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockGas;
import io.mutualchain.core.genesis.ChainParams;
import java.util.Optional;

/**
 * The chain parameters' bounds on one block: transactions, encoded bytes and declared gas. Checked
 * before a validator votes and again before a block is applied, so no node ever executes a block
 * whose work the chain parameters do not bound. The sizes are checked before the gas, so an
 * oversized block is refused without summing anything.
 */
final class BlockLimits {
    /** Which bound a block breaks. */
    enum Kind {
        TOO_MANY_TXS, TOO_MANY_BYTES, GAS_OVER_LIMIT
    }

    /** A typed reason; {@code message} names the value and the limit. */
    record Breach(Kind kind, String message) {
        @Override
        public String toString() {
            return kind + ": " + message;
        }
    }

    private BlockLimits() {
    }

    static Optional<Breach> check(Block block, ChainParams p) {
        int txs = block.transactions().size();
        if (txs > p.maxBlockTxs()) {
            return Optional.of(new Breach(Kind.TOO_MANY_TXS, "block has " + txs + " transactions; the limit is " + p.maxBlockTxs()));
        }
        int bytes = block.encode().length;
        if (bytes > p.maxBlockBytes()) {
            return Optional.of(new Breach(Kind.TOO_MANY_BYTES, "block is " + bytes + " bytes; the limit is " + p.maxBlockBytes()));
        }
        long gas = BlockGas.of(block.transactions());
        if (gas > p.blockGasLimit()) {
            return Optional.of(new Breach(Kind.GAS_OVER_LIMIT, "the block's contract transactions declare " + gas
                    + " gas together; the block gas limit is " + p.blockGasLimit()));
        }
        return Optional.empty();
    }
}
