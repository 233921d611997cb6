package io.mutualchain.node.runtime;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.tx.Transaction;
import java.util.List;

/**
 * Builds the next block on top of the committed chain: links, the parent's state and receipts roots, and a timestamp after the
 * parent's. The caller gives the time from the engine's block-time rule (its own clock, or just after
 * the parent); the parent bound here only makes sure no caller can break the ledger's rule.
 */
final class BlockBuilder {
    private BlockBuilder() {
    }

    static Block build(String chainId, long height, Hash32 parentHash, long parentTimeMs, Hash32 stateRoot, Hash32 receiptsRoot,
                       List<Transaction> txs, PublicKey proposer, long view, long nowMs) {
        long timestamp = Math.max(nowMs, parentTimeMs + 1);
        BlockHeader header = new BlockHeader(chainId, height, parentHash, timestamp, Block.txRoot(txs), stateRoot, receiptsRoot, txs.size(),
                proposer, view);
        return new Block(header, txs);
    }
}
