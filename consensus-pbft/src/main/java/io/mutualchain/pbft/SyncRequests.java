package io.mutualchain.pbft;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.Signed;
import java.util.ArrayList;
import java.util.List;

/**
 * When to ask the daemon for state sync, and from whom: whenever something proves heights above the
 * last committed one final (a stable or a far checkpoint, a certified block without its body, a gap
 * before blocks already committed), capped at the epoch horizon. {@link SyncPlanner} rate-limits.
 */
final class SyncRequests {
    private final EngineState st;

    SyncRequests(EngineState st) {
        this.st = st;
    }

    /** Emits a {@link SyncRequest} into the Ready if this replica is provably behind; {@code force} skips the retry delay. */
    void maybeRequestSync(boolean force) {
        long provenFinal = Math.max(Math.max(st.stable.height(), st.checkpointAhead), Math.max(
                st.ahead.isEmpty() ? 0 : st.ahead.firstKey() - 1,
                st.certifiedWithoutBody.isEmpty() ? 0 : st.certifiedWithoutBody.lastKey()));
        provenFinal = Math.min(provenFinal, st.epochHorizon());
        if (provenFinal > st.lastCommitted) {
            st.sync.next(st.lastCommitted, provenFinal, syncHolders(), st.ticks, force).ifPresent(st.out::sync);
        }
    }

    private List<PublicKey> syncHolders() {
        List<PublicKey> holders = new ArrayList<>();
        if (!st.certifiedWithoutBody.isEmpty()) {
            holders.addAll(st.certifiedWithoutBody.lastEntry().getValue());
        } else {
            for (Signed<Checkpoint> c : st.stable.signatures()) {
                holders.add(c.signer());
            }
        }
        holders.remove(st.self);
        return holders;
    }
}
