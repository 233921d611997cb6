package io.mutualchain.node.runtime;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.ledger.BlockRefusedException;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.ledger.Receipt;
import io.mutualchain.pbft.CommittedBlock;
import io.mutualchain.node.net.Network;
import io.mutualchain.pbft.drive.BlockApplier;
import java.util.List;

/**
 * The ledger as the consensus driver's chain. Only a block the ledger refuses for what it is
 * (height, certificate, body) is the sender's fault; a failed write or read is this node's own and
 * escapes, halting the node like any other fault.
 */
final class LedgerChain implements BlockApplier<LedgerException> {
    private final Ledger ledger;
    private final Network network;
    private final LoopActivity activity;
    /** Receipts of the block applied last, for the loop's statistics; loop thread only. */
    private List<Receipt> lastReceipts = List.of();

    LedgerChain(Ledger ledger, Network network, LoopActivity activity) {
        this.ledger = ledger;
        this.network = network;
        this.activity = activity;
    }

    @Override
    public long height() {
        return ledger.height();
    }

    @Override
    public Hash32 headHash() {
        return ledger.lastBlockHash();
    }

    @Override
    public Hash32 stateRoot() {
        return ledger.stateRoot();
    }

    @Override
    public Hash32 apply(CommittedBlock c) throws LedgerException {
        activity.now("applying committed block " + c.height());
        lastReceipts = ledger.commit(c.block(), c.certificate());
        return ledger.stateRoot();
    }

    @Override
    public boolean follow(PublicKey from, CommittedBlock c) throws LedgerException {
        activity.now("following synced block " + c.height());
        try {
            lastReceipts = ledger.commit(c.block(), c.certificate());
            return true;
        } catch (BlockRefusedException e) {
            network.penalize(from, "block " + c.height() + " refused: " + e.getMessage());
            return false;
        }
    }

    List<Receipt> lastReceipts() {
        return lastReceipts;
    }
}
