package io.mutualchain.pbft;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.CheckpointProof;
import io.mutualchain.pbft.message.Signed;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checkpoints and garbage collection (§4.3): sign a CHECKPOINT at every K-th applied height, make a
 * checkpoint stable once q replicas signed it, and then move the low watermark, dropping every log
 * entry and persisted record at or below it. A quorum checkpoint above the epoch horizon is no proof
 * here (it may be the next epoch's) but shows this replica is behind, so it asks for sync. The
 * CHECKPOINTs inside a view change's stable proof count as if they had come one by one.
 */
final class Checkpointing {
    private final EngineState st;
    private final SyncRequests sync;
    private final CheckpointValidator validator;

    Checkpointing(EngineState st, SyncRequests sync, CheckpointValidator validator) {
        this.st = st;
        this.sync = sync;
        this.validator = validator;
    }

    StepResult onCheckpoint(Signed<Checkpoint> s) {
        StepResult refused = validator.validate(s);
        if (!refused.isAccepted()) {
            return refused;
        }
        addCheckpoint(s);
        return StepResult.accepted();
    }

    void signCheckpoint(long height, Hash32 blockHash, Hash32 stateRoot) {
        st.myCheckpoint = st.sign(new Checkpoint(height, blockHash, stateRoot));
        st.out.persist(PersistKeys.MY_CHECKPOINT, PersistKeys.encodeNested(st.myCheckpoint));
        st.out.broadcast(st.myCheckpoint.encode());
        addCheckpoint(st.myCheckpoint);
    }

    void addCheckpoint(Signed<Checkpoint> s) {
        st.checkpoints.add(s, st.quorums.q).ifPresent(proof -> {
            if (proof.height() <= st.epochHorizon()) {
                stabilize(proof);
            } else if (proof.height() > st.checkpointAhead) {
                // Possibly signed in the next epoch: not a proof here, but reason enough to fetch what is certainly ours.
                st.checkpointAhead = proof.height();
                sync.maybeRequestSync(true);
            }
        });
    }

    /**
     * A VIEW-CHANGE (alone or inside a NEW-VIEW) carries a stable checkpoint proof above this
     * replica's. Each signed CHECKPOINT in it verifies on its own, so it counts as if relayed one by
     * one, whether or not the message itself is admitted: inside the horizon a quorum of them makes
     * the checkpoint stable here (and this replica syncs up to it); above the horizon (the proof may
     * be the next epoch's) it shows this replica is behind and makes it sync up to its horizon, as a
     * quorum of CHECKPOINT messages there does. Without this a replica that missed those CHECKPOINTs
     * while it was down refuses every VIEW-CHANGE (its prepared certificates, or its proof, lie above
     * its horizon) and learns nothing from them: soak seed 3324 (proof above the horizon), and
     * ByzantinePrimaryTest seed 39 with store faults (proof at the horizon, certificates above it).
     * Proofs already learned cost nothing; signatures already counted are not checked again.
     */
    void learnFromProof(CheckpointProof proof) {
        long h = proof.height();
        if (learned(h) || h % st.config.checkpointInterval() != 0) {
            return;
        }
        Checkpoint claimed = new Checkpoint(h, proof.blockHash(), proof.stateRoot());
        for (Signed<Checkpoint> c : proof.signatures()) {
            if (learned(h)) {
                return; // a quorum is in: the rest would only cost signature checks
            }
            if (c.body().equals(claimed) && !st.checkpoints.has(c.signer(), claimed) && st.proofs.signatureOk(c)) {
                addCheckpoint(c);
            }
        }
    }

    /** Nothing to learn from a proof at {@code h}: at or below the stable checkpoint, or above the horizon and already known to be ahead. */
    private boolean learned(long h) {
        return h <= st.stable.height() || (h > st.epochHorizon() && h <= st.checkpointAhead);
    }

    void stabilize(CheckpointProof proof) {
        if (proof.height() <= st.stable.height()) {
            return;
        }
        long h = proof.height();
        st.stable = proof;
        st.out.persist(PersistKeys.CHECKPOINT, PersistKeys.encodeProof(proof));
        discard(st.sentPrePrepare, PersistKeys.PRE_PREPARE, h);
        discard(st.sentPrepare, PersistKeys.PREPARE, h);
        discard(st.sentCommit, PersistKeys.COMMIT, h);
        discard(st.prepared, PersistKeys.CERT, h);
        st.slots.headMap(h, true).clear();
        st.commits.discardUpTo(h);
        st.blocks.discardUpTo(h);
        st.checkpoints.discardUpTo(h);
        st.committedHashes.headMap(Math.min(st.lastApplied, h), false).clear();
        st.noteCommitted(h);
        sync.maybeRequestSync(true);
        if (!st.active && st.myViewChange != null) {
            // Bodies at or below the new checkpoint are gone: re-announce from it, so no NEW-VIEW built
            // from our view change needs them (the certificates below it no longer matter).
            st.myViewChange = st.sign(OwnViewChange.build(st, st.view));
            st.viewChanges.put(st.myViewChange);
            st.out.broadcast(st.myViewChange.encode());
        }
    }

    private <V> void discard(TreeMap<Long, V> map, String prefix, long upTo) {
        SortedMap<Long, V> old = map.headMap(upTo, true);
        for (Long height : old.keySet()) {
            st.out.persist(PersistKeys.at(prefix, height), null);
        }
        old.clear();
    }
}
