package io.mutualchain.pbft;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.Signed;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The normal-case log entry of one height in the current view: the primary's pre-prepare, one
 * PREPARE per signer (the first; a second, different one is equivocation and is refused), the
 * application's verdict, and what this replica has already sent. Commits are not here: they count
 * across views (see {@link CommitVotes}).
 */
final class Slot {
    final long height;
    Signed<PrePrepare> prePrepare;
    final TreeMap<PublicKey, Signed<Prepare>> prepares = new TreeMap<>();
    Verdict.Kind verdict;
    boolean sentPrepare;
    boolean sentCommit;

    Slot(long height) {
        this.height = height;
    }

    Hash32 hash() {
        return prePrepare == null ? null : prePrepare.body().blockHash();
    }

    /** PREPAREs matching the pre-prepare, from backups (the primary's pre-prepare stands for its vote). */
    List<Signed<Prepare>> matchingPrepares(PublicKey primary) {
        List<Signed<Prepare>> out = new ArrayList<>();
        if (prePrepare == null) {
            return out;
        }
        Hash32 d = hash();
        for (Signed<Prepare> p : prepares.values()) {
            if (!p.signer().equals(primary) && p.body().blockHash().equals(d)) {
                out.add(p);
            }
        }
        return out;
    }
}
