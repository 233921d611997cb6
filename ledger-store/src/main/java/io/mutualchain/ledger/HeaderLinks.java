package io.mutualchain.ledger;

import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.ledger.store.Head;
import io.mutualchain.core.validation.Validation;

/**
 * Whether a header extends the committed tip: same chain, next height, parent hash, later time, and the
 * state root and receipts root the ledger computed for the parent. Checked before voting and again at commit, so a block that slipped
 * past consensus still cannot be written on the wrong parent. A refusal carries a {@link HeaderLinkCode}.
 */
final class HeaderLinks {
    private HeaderLinks() {
    }

    static Validation check(BlockHeader h, Head tip, String chainId) {
        if (!h.chainId().equals(chainId)) {
            return Validation.refused(HeaderLinkCode.WRONG_CHAIN,
                    "block is for chain '" + h.chainId() + "', this is chain '" + chainId + "'");
        }
        if (h.height() != tip.height() + 1) {
            return Validation.refused(HeaderLinkCode.NOT_NEXT_HEIGHT,
                    "block height " + h.height() + " does not follow the committed height " + tip.height());
        }
        if (!h.prevHash().equals(tip.blockHash())) {
            return Validation.refused(HeaderLinkCode.WRONG_PARENT,
                    "block " + h.height() + " names parent " + h.prevHash() + ", the committed block " + tip.height()
                    + " is " + tip.blockHash());
        }
        if (h.timestampMs() <= tip.timeMs()) {
            return Validation.refused(HeaderLinkCode.TIME_NOT_AFTER_PARENT,
                    "block timestamp " + h.timestampMs() + " ms is not after its parent's " + tip.timeMs() + " ms");
        }
        if (!h.stateRoot().equals(tip.stateRoot())) {
            return Validation.refused(HeaderLinkCode.STATE_ROOT_MISMATCH,
                    "block state root " + h.stateRoot() + " differs from the ledger's state root " + tip.stateRoot()
                    + " after block " + tip.height());
        }
        if (!h.receiptsRoot().equals(tip.receiptsRoot())) {
            return Validation.refused(HeaderLinkCode.RECEIPTS_ROOT_MISMATCH,
                    "block receipts root " + h.receiptsRoot() + " differs from the ledger's receipts root " + tip.receiptsRoot()
                    + " of block " + tip.height());
        }
        return Validation.valid();
    }
}
