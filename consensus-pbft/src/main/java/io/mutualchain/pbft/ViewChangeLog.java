package io.mutualchain.pbft;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What this replica knows about other replicas' views (paper §4.4, §4.5.2): the latest valid
 * VIEW-CHANGE of each signer, and the highest view each signer was seen in. One entry per
 * validator, so a Byzantine signer asking for view 10^9 costs one entry and moves nobody.
 */
final class ViewChangeLog {
    private final TreeMap<PublicKey, Signed<ViewChange>> latest = new TreeMap<>();
    private final TreeMap<PublicKey, Long> higherViewSeen = new TreeMap<>();

    Signed<ViewChange> of(PublicKey signer) {
        return latest.get(signer);
    }

    void put(Signed<ViewChange> vc) {
        latest.put(vc.signer(), vc);
    }

    /** Replicas (any signer, this one included) that asked for {@code view} or a higher one. */
    int countAtOrAbove(long view) {
        int count = 0;
        for (Signed<ViewChange> vc : latest.values()) {
            if (vc.body().newView() >= view) {
                count++;
            }
        }
        return count;
    }

    void noteView(PublicKey signer, long view) {
        higherViewSeen.merge(signer, view, Math::max);
    }

    /** §4.5.2: once f + 1 others are in views above {@code view}, the smallest of the f + 1 highest. */
    OptionalLong joinTarget(long view, int f) {
        List<Long> higher = new ArrayList<>();
        for (Long v : higherViewSeen.values()) {
            if (v > view) {
                higher.add(v);
            }
        }
        if (higher.size() < f + 1) {
            return OptionalLong.empty();
        }
        higher.sort((a, b) -> Long.compare(b, a));
        return OptionalLong.of(higher.get(f));
    }

    /** Up to {@code q} VIEW-CHANGEs for exactly {@code view}, {@code mine} first, others in key order. */
    List<Signed<ViewChange>> quorumFor(long view, Signed<ViewChange> mine, int q) {
        List<Signed<ViewChange>> vcs = new ArrayList<>();
        vcs.add(mine);
        for (Signed<ViewChange> vc : latest.values()) {
            if (vc.body().newView() == view && !vc.signer().equals(mine.signer()) && vcs.size() < q) {
                vcs.add(vc);
            }
        }
        return vcs;
    }

    /** Forgets VIEW-CHANGEs below {@code view} and sightings at or below it (the replica moved to it). */
    void movedTo(long view) {
        latest.values().removeIf(v -> v.body().newView() < view);
        higherViewSeen.values().removeIf(v -> v <= view);
    }

    /** Forgets everything at or below {@code view} (it is active now). */
    void entered(long view) {
        latest.values().removeIf(v -> v.body().newView() <= view);
        higherViewSeen.values().removeIf(v -> v <= view);
    }
}
