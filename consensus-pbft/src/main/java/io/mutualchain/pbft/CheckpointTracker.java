package io.mutualchain.pbft;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.CheckpointProof;
import io.mutualchain.pbft.message.Signed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CHECKPOINT votes above the stable checkpoint, and detection of a new stable one (q matching).
 * Votes are accepted at any height above the low watermark (a replica far behind must be able to
 * learn where the others are), but each signer keeps at most {@link #MAX_HEIGHTS_PER_SIGNER}
 * heights, its highest, so a Byzantine signer cannot fill memory.
 */
final class CheckpointTracker {
    /** Checkpoint heights remembered per signer; honest signers need about L / K of them at most, usually two. */
    static final int MAX_HEIGHTS_PER_SIGNER = 4;

    private final TreeMap<PublicKey, TreeMap<Long, Signed<Checkpoint>>> bySigner = new TreeMap<>();

    /** Records the vote; returns a new stable proof if this vote completes one. */
    Optional<CheckpointProof> add(Signed<Checkpoint> vote, int quorum) {
        TreeMap<Long, Signed<Checkpoint>> mine = bySigner.computeIfAbsent(vote.signer(), k -> new TreeMap<>());
        mine.put(vote.body().height(), vote);
        while (mine.size() > MAX_HEIGHTS_PER_SIGNER) {
            mine.pollFirstEntry();
        }
        List<Signed<Checkpoint>> matching = new ArrayList<>();
        for (Map<Long, Signed<Checkpoint>> votes : bySigner.values()) {
            Signed<Checkpoint> v = votes.get(vote.body().height());
            if (v != null && v.body().equals(vote.body())) {
                matching.add(v);
            }
        }
        if (matching.size() < quorum) {
            return Optional.empty();
        }
        Checkpoint c = vote.body();
        return Optional.of(new CheckpointProof(c.height(), c.blockHash(), c.stateRoot(), matching));
    }

    boolean has(PublicKey signer, Checkpoint c) {
        TreeMap<Long, Signed<Checkpoint>> mine = bySigner.get(signer);
        Signed<Checkpoint> v = mine == null ? null : mine.get(c.height());
        return v != null && v.body().equals(c);
    }

    void discardUpTo(long height) {
        for (TreeMap<Long, Signed<Checkpoint>> votes : bySigner.values()) {
            votes.headMap(height, true).clear();
        }
    }
}
