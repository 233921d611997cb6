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
        long resumeAt = votingResumesAt();
        if (ledger.height() < resumeAt) {
            LOG.warn("this node is a validator of the epoch from height {} but does not vote: its store was rebuilt from peers, so it"
                    + " cannot prove what it signed up to height {} (head marker {}); it follows as an observer and votes again once it"
                    + " has applied height {}, the first checkpoint above that (now at {})", epoch.firstHeight(), ledger.silentThrough(),
                    ledger.markerFile(), resumeAt, ledger.height());
            return new Opened(epoch, Optional.empty());
        }
        PbftEngine engine = new PbftEngine(engineConfig.withEpochBase(epoch.base()), key, epoch.validators(), new LedgerBlockValidator(ledger),
                ConsensusRecords.restore(ledger.consensusEntries()), ledger.height(), ledger.lastBlockHash(), ledger.stateRoot());
        engine.staySilentThrough(ledger.silentThrough());
        LOG.info("epoch from height {}: {} validators (quorum {}); this node votes", epoch.firstHeight(), epoch.validators().size(),
                epoch.validators().quorum());
        noteScheduledEnd(engine, epoch.base());
        return new Opened(epoch, Optional.of(engine));
    }

    /**
     * The height this node may vote from after losing its vote records: the first checkpoint height
     * above everything it may have signed ({@link Ledger#silentThrough()}); 0 when it lost nothing.
     * The engine starts there with a fresh log, signs its CHECKPOINT for that height, and votes only above it.
     */
    long votingResumesAt() {
        long silent = ledger.silentThrough();
        if (silent == 0) {
            return 0;
        }
        long k = engineConfig.checkpointInterval();
        return (silent / k + 1) * k;
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
