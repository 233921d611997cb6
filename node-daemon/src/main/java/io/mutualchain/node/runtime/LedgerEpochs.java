package io.mutualchain.node.runtime;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.ValidatorEpoch;
import io.mutualchain.pbft.drive.EpochPlan;
import io.mutualchain.pbft.drive.EpochSource;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's validator schedule as the consensus driver reads it: the epoch of the next height,
 * whether this node votes in it, and when it ends. The only place that turns the ledger's governance
 * into the driver's epochs; the driver opens the engines.
 */
final class LedgerEpochs implements EpochSource {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerEpochs.class);

    private final PublicKey self;
    private final int checkpointInterval;
    private final Ledger ledger;

    /** @param checkpointInterval the chain's K: voting resumes at a checkpoint height after lost records */
    LedgerEpochs(PublicKey self, int checkpointInterval, Ledger ledger) {
        this.self = self;
        this.checkpointInterval = checkpointInterval;
        this.ledger = ledger;
    }

    /**
     * The epoch of the ledger's next height. This node votes in it if its key is in the set and it
     * has applied {@link #votingResumesAt()}; otherwise it follows as an observer.
     */
    @Override
    public EpochPlan current() {
        ValidatorEpoch epoch = ledger.epochAt(ledger.height() + 1);
        boolean votes = epoch.validators().contains(self) && ledger.height() >= votingResumesAt();
        return new EpochPlan(epoch.base(), epoch.validators(), votes, ledger.silentThrough());
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
        long k = checkpointInterval;
        return (silent / k + 1) * k;
    }

    /** The next epoch's base, once the ledger has approved the next set (the driver asks until an engine knows it, so this logs once per engine). */
    @Override
    public OptionalLong scheduledEnd(long epochBase) {
        return ledger.pendingEpoch().filter(p -> p.base() > epochBase).map(p -> {
            LOG.warn("validator set changes after height {}: {} validators from height {}", p.base(), p.validators().size(), p.firstHeight());
            return OptionalLong.of(p.base());
        }).orElse(OptionalLong.empty());
    }
}
