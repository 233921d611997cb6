package io.mutualchain.node.runtime;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.node.sync.BlockSource;
import io.mutualchain.node.sync.SyncMessage;
import java.util.Optional;

/** Serves committed blocks from the ledger to peers that sync. */
final class LedgerBlocks implements BlockSource {
    private final Ledger ledger;

    LedgerBlocks(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public long height() {
        return ledger.height();
    }

    @Override
    public Hash32 lastBlockHash() {
        return ledger.lastBlockHash();
    }

    @Override
    public Optional<SyncMessage.CertifiedBlock> block(long height) {
        return ledger.blockByHeight(height).map(b -> new SyncMessage.CertifiedBlock(b.block(), b.certificate()));
    }
}
