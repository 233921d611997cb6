package io.mutualchain.pbft;

import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.pbft.message.Commit;
import io.mutualchain.pbft.message.Signed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * COMMIT votes per height, one per signer (its latest view), counted per (view, block hash).
 * Counted across views on purpose: q matching commits are a commit certificate, which is proof of
 * finality whatever view the receiver is in, so a replica that is behind or stuck in a view change
 * still learns what is final. Bounded by the window (heights) times the validator count (signers).
 */
final class CommitVotes {
    record Quorum(long view, Hash32 hash, List<ValidatorSignature> signatures, List<PublicKey> signers) {
    }

    private final TreeMap<Long, TreeMap<PublicKey, Signed<Commit>>> byHeight = new TreeMap<>();

    /** Returns false if the signer already voted for this height in this view or a later one. */
    boolean add(Signed<Commit> c) {
        TreeMap<PublicKey, Signed<Commit>> votes = byHeight.computeIfAbsent(c.body().height(), h -> new TreeMap<>());
        Signed<Commit> prev = votes.get(c.signer());
        if (prev != null && prev.body().view() >= c.body().view()) {
            return false;
        }
        votes.put(c.signer(), c);
        return true;
    }

    Optional<Signed<Commit>> of(long height, PublicKey signer) {
        TreeMap<PublicKey, Signed<Commit>> votes = byHeight.get(height);
        return votes == null ? Optional.empty() : Optional.ofNullable(votes.get(signer));
    }

    Optional<Quorum> quorum(long height, int threshold) {
        TreeMap<PublicKey, Signed<Commit>> votes = byHeight.get(height);
        if (votes == null) {
            return Optional.empty();
        }
        Map<String, List<Signed<Commit>>> groups = new TreeMap<>();
        for (Signed<Commit> c : votes.values()) {
            groups.computeIfAbsent(c.body().view() + "/" + c.body().blockHash().toHex(), k -> new ArrayList<>()).add(c);
        }
        for (List<Signed<Commit>> g : groups.values()) {
            if (g.size() >= threshold) {
                List<ValidatorSignature> sigs = new ArrayList<>();
                List<PublicKey> signers = new ArrayList<>();
                for (Signed<Commit> c : g) {
                    sigs.add(new ValidatorSignature(c.signer(), c.signature()));
                    signers.add(c.signer());
                }
                Commit first = g.get(0).body();
                return Optional.of(new Quorum(first.view(), first.blockHash(), sigs, signers));
            }
        }
        return Optional.empty();
    }

    void discardUpTo(long height) {
        byHeight.headMap(height, true).clear();
    }

    void discardAbove(long height) {
        byHeight.tailMap(height, false).clear();
    }
}
