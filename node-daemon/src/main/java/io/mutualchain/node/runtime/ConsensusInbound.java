package io.mutualchain.node.runtime;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.node.net.Network;
import io.mutualchain.node.sync.SyncMessage;
import io.mutualchain.pbft.CommittedBlock;
import io.mutualchain.pbft.PbftEngine;
import io.mutualchain.pbft.RejectReason;
import io.mutualchain.pbft.StepResult;
import io.mutualchain.pbft.drive.ConsensusDriver;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the consensus loop does with a peer's consensus message or a synced block once its turn comes:
 * step this epoch's engine (or, on an observer, hand the block to the driver to follow), and answer a
 * refusal — count it, warn about an untimely proposal, penalise a peer for a malformed or forged one.
 * Runs on the loop's thread only; the counters are read from others.
 */
final class ConsensusInbound {
    // Logged under the loop's name, as before the split, so operators' log filters keep matching.
    private static final Logger LOG = LoggerFactory.getLogger(ConsensusLoop.class);

    private final ConsensusDriver<LedgerException> driver;
    private final Ledger ledger;
    private final Network network;
    private final ChainParams params;
    private final LoopActivity activity;
    private final AtomicLong untimelyProposals = new AtomicLong();
    private final AtomicLong refusedMessages = new AtomicLong();

    ConsensusInbound(ConsensusDriver<LedgerException> driver, Ledger ledger, Network network, LoopActivity activity) {
        this.driver = driver;
        this.ledger = ledger;
        this.network = network;
        this.params = ledger.genesis().params();
        this.activity = activity;
    }

    /** A peer's consensus message, received at {@code receivedAtMs} on this node's consensus clock. */
    void message(PublicKey from, byte[] message, long receivedAtMs) {
        PbftEngine engine = driver.engine().orElse(null);
        if (engine == null) {
            return; // an observer does not take part; it follows by block sync
        }
        activity.now("handling a consensus message");
        StepResult r = engine.step(from, message, receivedAtMs);
        if (!r.isAccepted()) {
            refusedMessages.incrementAndGet();
            if (r.reason() == RejectReason.UNTIMELY) {
                untimelyProposals.incrementAndGet();
                LOG.warn("refused an untimely proposal, {}; the window is the local clock -{} ms/+{} ms. If this keeps happening "
                        + "for every proposer, this node's clock is wrong: check NTP", r.message(),
                        params.clockPrecisionMs() + params.messageDelayMs(), params.clockPrecisionMs());
            } else if (r.reason() == RejectReason.MALFORMED || r.reason() == RejectReason.BAD_SIGNATURE) {
                network.penalize(from, "consensus message refused: " + r);
            } else {
                LOG.debug("consensus message from {} refused: {}", from, r);
            }
        }
    }

    /** A block with its certificate fetched from a peer; ignored at or below the committed height. */
    void synced(PublicKey from, SyncMessage.CertifiedBlock b) throws LedgerException {
        if (b.block().height() <= ledger.height()) {
            return;
        }
        PbftEngine engine = driver.engine().orElse(null);
        if (engine == null) {
            follow(from, b);
            return;
        }
        activity.now("handling synced block " + b.block().height());
        StepResult r = engine.synced(b.block(), b.certificate());
        if (!r.isAccepted() && r.reason() == RejectReason.INVALID_CERTIFICATE) {
            network.penalize(from, "synced block " + b.block().height() + " refused: " + r.message());
        }
    }

    /**
     * Observer mode: a synced block goes to the ledger through the driver; the ledger verifies its
     * certificate against the set in force at its height ({@link LedgerChain#follow}).
     */
    private void follow(PublicKey from, SyncMessage.CertifiedBlock b) throws LedgerException {
        if (!b.certificate().blockHash().equals(b.block().hash()) || b.certificate().height() != b.block().height()) {
            network.penalize(from, "synced block " + b.block().height() + " refused: its certificate is for another block");
            return;
        }
        driver.follow(from, new CommittedBlock(b.block(), b.certificate()));
    }

    long refusedMessages() {
        return refusedMessages.get();
    }

    /** Proposals this node refused under the block-time rule. */
    long untimelyProposals() {
        return untimelyProposals.get();
    }
}
