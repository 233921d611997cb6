package io.mutualchain.ledger;

import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.ledger.store.Head;
import java.util.Optional;

/**
 * Whether a header extends the committed tip: same chain, next height, parent hash, later time, and the
 * state root and receipts root the ledger computed for the parent. Checked before voting and again at commit, so a block that slipped
 * past consensus still cannot be written on the wrong parent.
 */
final class HeaderLinks {
    private HeaderLinks() {
    }

    static Optional<String> check(BlockHeader h, Head tip, String chainId) {
        if (!h.chainId().equals(chainId)) {
            return Optional.of("block is for chain '" + h.chainId() + "', this is chain '" + chainId + "'");
        }
        if (h.height() != tip.height() + 1) {
            return Optional.of("block height " + h.height() + " does not follow the committed height " + tip.height());
        }
        if (!h.prevHash().equals(tip.blockHash())) {
            return Optional.of("block " + h.height() + " names parent " + h.prevHash() + ", the committed block " + tip.height()
                    + " is " + tip.blockHash());
        }
        if (h.timestampMs() <= tip.timeMs()) {
            return Optional.of("block timestamp " + h.timestampMs() + " ms is not after its parent's " + tip.timeMs() + " ms");
        }
        if (!h.stateRoot().equals(tip.stateRoot())) {
            return Optional.of("block state root " + h.stateRoot() + " differs from the ledger's state root " + tip.stateRoot()
                    + " after block " + tip.height());
        }
        if (!h.receiptsRoot().equals(tip.receiptsRoot())) {
            return Optional.of("block receipts root " + h.receiptsRoot() + " differs from the ledger's receipts root " + tip.receiptsRoot()
                    + " of block " + tip.height());
        }
        return Optional.empty();
    }
}
