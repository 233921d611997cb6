package io.mutualchain.pbft;

import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.CheckpointProof;
import io.mutualchain.pbft.message.MessageCodec;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.PreparedBlock;
import io.mutualchain.pbft.message.Signed;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The engine's persisted records (see {@link PersistKeys}) decoded after a restart. Unknown keys are ignored. */
final class RestoredState {
    PersistKeys.ViewState view = new PersistKeys.ViewState(0, true);
    CheckpointProof stable = CheckpointProof.GENESIS;
    Signed<Checkpoint> myCheckpoint;
    final TreeMap<Long, Signed<PrePrepare>> sentPrePrepare = new TreeMap<>();
    final TreeMap<Long, PersistKeys.Vote> sentPrepare = new TreeMap<>();
    final TreeMap<Long, PersistKeys.Vote> sentCommit = new TreeMap<>();
    final TreeMap<Long, PreparedBlock> prepared = new TreeMap<>();

    static RestoredState parse(SortedMap<String, byte[]> restored, MessageCodec codec) {
        RestoredState s = new RestoredState();
        for (Map.Entry<String, byte[]> e : restored.entrySet()) {
            String k = e.getKey();
            byte[] v = e.getValue();
            if (k.equals(PersistKeys.VIEW)) {
                s.view = PersistKeys.decodeView(v);
            } else if (k.equals(PersistKeys.CHECKPOINT)) {
                s.stable = codec.decodeCheckpointProof(v);
            } else if (k.equals(PersistKeys.MY_CHECKPOINT)) {
                s.myCheckpoint = codec.decodeSignedCheckpoint(v);
            } else if (k.startsWith(PersistKeys.PRE_PREPARE)) {
                s.sentPrePrepare.put(PersistKeys.heightOf(k, PersistKeys.PRE_PREPARE), codec.decodeSignedPrePrepare(v));
            } else if (k.startsWith(PersistKeys.PREPARE)) {
                s.sentPrepare.put(PersistKeys.heightOf(k, PersistKeys.PREPARE), PersistKeys.decodeVote(v));
            } else if (k.startsWith(PersistKeys.COMMIT)) {
                s.sentCommit.put(PersistKeys.heightOf(k, PersistKeys.COMMIT), PersistKeys.decodeVote(v));
            } else if (k.startsWith(PersistKeys.CERT)) {
                s.prepared.put(PersistKeys.heightOf(k, PersistKeys.CERT), codec.decodePreparedBlock(v));
            }
        }
        return s;
    }
}
