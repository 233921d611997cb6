package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;

/**
 * What state sync brings back, and where this epoch ends. A synced block with a valid certificate
 * joins the committed blocks waiting for delivery, exactly as one committed by votes here; it may
 * also be the body a new primary was missing for its NEW-VIEW. The epoch end, once the ledger
 * schedules it, bounds everything: nothing above it is kept or accepted.
 */
final class SyncedBlocks {
    private final EngineState st;
    private final SyncedBlockValidator validator;
    private final Delivery delivery;
    private final ViewChanging viewChanging;

    SyncedBlocks(EngineState st, SyncedBlockValidator validator, Delivery delivery, ViewChanging viewChanging) {
        this.st = st;
        this.validator = validator;
        this.delivery = delivery;
        this.viewChanging = viewChanging;
    }

    StepResult synced(Block block, CommitCertificate certificate) {
        StepResult refused = validator.validate(block, certificate);
        if (!refused.isAccepted()) {
            return refused;
        }
        long h = block.height();
        st.ahead.put(h, new CommittedBlock(block, certificate));
        st.blocks.add(block);
        st.noteCommitted(h);
        delivery.deliver();
        viewChanging.maybeBuildNewView();
        return StepResult.accepted();
    }

    /** The caller has checked that {@code end} is a valid, new epoch end; drops everything above it. */
    void endEpochAt(long end) {
        st.epochEnd = end;
        st.slots.tailMap(end, false).clear();
        st.ahead.tailMap(end, false).clear();
        st.certifiedWithoutBody.tailMap(end, false).clear();
        st.commits.discardAbove(end);
        st.blocks.discardAbove(end);
    }
}
