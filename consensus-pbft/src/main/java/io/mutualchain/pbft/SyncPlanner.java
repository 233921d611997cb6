package io.mutualchain.pbft;

import io.mutualchain.core.crypto.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * Decides when to ask the daemon for state sync: whenever this replica has proof (a stable
 * checkpoint, or a commit certificate) of final heights above what it committed. The same range is
 * asked again only after {@code retryTicks}, so a lost answer is retried and a slow one is not
 * duplicated every tick.
 */
final class SyncPlanner {
    private final long retryTicks;
    private SyncRequest last;
    private long lastTick = Long.MIN_VALUE / 2;

    SyncPlanner(long retryTicks) {
        this.retryTicks = retryTicks;
    }

    /**
     * @param lastCommitted  highest height released to the daemon
     * @param provenFinal    highest height known to be final
     * @param force          ask now even for a range asked less than a tick ago (new evidence)
     */
    Optional<SyncRequest> next(long lastCommitted, long provenFinal, List<PublicKey> holders, long now, boolean force) {
        if (provenFinal <= lastCommitted) {
            return Optional.empty();
        }
        SyncRequest r = new SyncRequest(lastCommitted + 1, provenFinal, holders);
        boolean same = last != null && last.fromHeight() == r.fromHeight() && last.toHeight() == r.toHeight();
        if (same && now - lastTick < retryTicks) {
            return Optional.empty();
        }
        if (!force && !same && now - lastTick < 1) {
            return Optional.empty();
        }
        last = r;
        lastTick = now;
        return Optional.of(r);
    }
}
