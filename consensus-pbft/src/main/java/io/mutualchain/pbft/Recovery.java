package io.mutualchain.pbft;

import io.mutualchain.pbft.message.CheckpointProof;
import io.mutualchain.pbft.message.PreparedBlock;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.Signed;
import java.util.ArrayList;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Restart from the records the engine asked to persist (§7): the view and whether it was active,
 * the stable checkpoint, this replica's own checkpoint, pre-prepares, votes and prepared
 * certificates. Records of an earlier epoch are deleted instead. A replica that crashed while
 * changing view re-announces its VIEW-CHANGE; one in an active view resumes its own proposals.
 */
final class Recovery {
    private final EngineState st;
    private final Checkpointing checkpoints;
    private final NormalCase normal;
    private final SyncRequests sync;

    Recovery(EngineState st, Checkpointing checkpoints, NormalCase normal, SyncRequests sync) {
        this.st = st;
        this.checkpoints = checkpoints;
        this.normal = normal;
        this.sync = sync;
    }

    void restore(SortedMap<String, byte[]> restoredMap) {
        long base = st.config.epochBase();
        byte[] marker = restoredMap.get(PersistKeys.EPOCH);
        long restoredEpoch = marker == null ? 0 : PersistKeys.decodeEpoch(marker);
        if (restoredEpoch != base) {
            // Records of an earlier epoch: its views, votes and checkpoints mean nothing to this one,
            // and this replica has applied that epoch's last block, so it never acts in it again.
            for (String k : restoredMap.keySet()) {
                if (!k.equals(PersistKeys.EPOCH)) {
                    st.out.persist(k, null);
                }
            }
            restoredMap = new TreeMap<>();
            // Overwritten, not deleted and written: the marker is what tells the next restart these records are current.
            st.out.persist(PersistKeys.EPOCH, base == 0 ? null : PersistKeys.encodeEpoch(base));
        }
        RestoredState restored = RestoredState.parse(restoredMap, st.codec);
        st.view = restored.view.view();
        st.active = restored.view.active();
        st.stable = restored.stable.height() >= base ? restored.stable : CheckpointProof.base(base);
        st.myCheckpoint = restored.myCheckpoint;
        st.sentPrePrepare.putAll(restored.sentPrePrepare);
        st.sentPrepare.putAll(restored.sentPrepare);
        st.sentCommit.putAll(restored.sentCommit);
        st.prepared.putAll(restored.prepared);
        if (!st.active) {
            st.myViewChange = st.sign(OwnViewChange.build(st, st.view));
            st.viewChanges.put(st.myViewChange);
        } else {
            for (Signed<PrePrepare> pp : st.sentPrePrepare.values()) {
                if (pp.body().view() == st.view && pp.body().height() > st.stable.height()) {
                    st.slot(pp.body().height()).prePrepare = pp;
                    st.blocks.add(pp.body().block());
                }
            }
        }
        for (PreparedBlock c : st.prepared.values()) {
            st.blocks.add(c.block());
        }
        if (st.myCheckpoint != null && st.myCheckpoint.body().height() > st.stable.height()) {
            checkpoints.addCheckpoint(st.myCheckpoint);
        }
        for (Long h : new ArrayList<>(st.slots.keySet())) {
            normal.progress(h);
        }
        sync.maybeRequestSync(true);
    }
}
