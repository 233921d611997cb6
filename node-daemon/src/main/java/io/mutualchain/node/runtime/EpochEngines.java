package io.mutualchain.node.runtime;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.ValidatorEpoch;
import io.mutualchain.pbft.PbftConfig;
import io.mutualchain.pbft.PbftEngine;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which consensus engine, if any, this node runs for the validator epoch the ledger's next height is
 * in, and when that epoch ends. Kept apart from the loop that drives the engine: this is the only
 * place that turns the ledger's validator schedule into engines.
 */
final class EpochEngines {
    private static final Logger LOG = LoggerFactory.getLogger(EpochEngines.class);

    /** The epoch and this node's engine for it; no engine when this node's key is not in the epoch's set. */
    record Opened(ValidatorEpoch epoch, Optional<PbftEngine> engine) {
    }

    private final KeyPair key;
    private final PbftConfig engineConfig;
    private final Ledger ledger;

    /** @param engineConfig this node's engine settings (timers); each epoch's base is set here */
    EpochEngines(KeyPair key, PbftConfig engineConfig, Ledger ledger) {
        this.key = key;
        this.engineConfig = engineConfig;
        this.ledger = ledger;
    }

    /**
     * The epoch of the ledger's next height, with an engine restored from what the engine persisted
     * (records of an earlier epoch are deleted by the engine itself) if this node is a validator of it.
     */
    Opened open() {
        ValidatorEpoch epoch = ledger.epochAt(ledger.height() + 1);
        if (!epoch.validators().contains(key.publicKey())) {
            LOG.info("epoch from height {}: {} validators; this node is not one of them and follows as an observer",
                    epoch.firstHeight(), epoch.validators().size());
            return new Opened(epoch, Optional.empty());
        }
        PbftEngine engine = new PbftEngine(engineConfig.withEpochBase(epoch.base()), key, epoch.validators(), new LedgerBlockValidator(ledger),
                ConsensusRecords.restore(ledger.consensusEntries()), ledger.height(), ledger.lastBlockHash(), ledger.stateRoot());
        LOG.info("epoch from height {}: {} validators (quorum {}); this node votes", epoch.firstHeight(), epoch.validators().size(),
                epoch.validators().quorum());
        noteScheduledEnd(engine, epoch.base());
        return new Opened(epoch, Optional.of(engine));
    }

    /** Tells {@code engine} (of the epoch with base {@code epochBase}) where its epoch ends, once the ledger has approved the next set. */
    void noteScheduledEnd(PbftEngine engine, long epochBase) {
        if (engine.epochEnd() != PbftEngine.NO_EPOCH_END) {
            return;
        }
        ledger.pendingEpoch().filter(p -> p.base() > epochBase).ifPresent(p -> {
            LOG.warn("validator set changes after height {}: {} validators from height {}", p.base(), p.validators().size(), p.firstHeight());
            engine.endEpochAt(p.base());
        });
    }
}
