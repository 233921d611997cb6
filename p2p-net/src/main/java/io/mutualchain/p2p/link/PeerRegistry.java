package io.mutualchain.p2p.link;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.p2p.RefusalReason;
import io.mutualchain.p2p.secure.Refusal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one link per peer, bans, and the up/down events. Admission happens here, after the
 * handshake and before any application frame is read, so a banned peer or a duplicate connection
 * never delivers anything. Listener calls are made outside the lock. A key that keeps connecting
 * while it is linked is reported as used by two processes ({@link KeyConflicts}).
 */
public final class PeerRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PeerRegistry.class);

    /** Told when a peer goes from no link to a link, and back. */
    public interface Listener {
        void onLinkUp(PublicKey peer);

        void onLinkDown(PublicKey peer);
    }

    private final PublicKey self;
    private final BanList bans;
    private final Counters counters;
    private final Listener listener;
    private final Map<PublicKey, Link> links = new HashMap<>();
    private final KeyConflicts conflicts = new KeyConflicts();

    public PeerRegistry(PublicKey self, BanList bans, Counters counters, Listener listener) {
        this.self = self;
        this.bans = bans;
        this.counters = counters;
        this.listener = listener;
    }

    /** Registers the candidate as the peer's link, or says why it must be closed instead. */
    Optional<Refusal> admit(Link candidate) {
        PublicKey peer = candidate.peer();
        Link replaced;
        synchronized (this) {
            long banLeft = bans.remainingNanos(peer);
            if (banLeft > 0) {
                return Optional.of(new Refusal(RefusalReason.BANNED,
                        "peer " + peer + " is banned for another " + (banLeft / 1_000_000) + " ms"));
            }
            replaced = links.get(peer);
            if (replaced != null) {
                noteSecondConnection(replaced, candidate);
            }
            if (replaced != null && !TieBreak.candidateWins(self, peer, replaced.dialledBySelf(), candidate.dialledBySelf())) {
                return Optional.of(new Refusal(RefusalReason.DUPLICATE_CONNECTION,
                        "already linked to " + peer + "; keeping the connection dialled by the lower key"));
            }
            links.put(peer, candidate);
        }
        counters.linkOpened();
        if (replaced != null) {
            replaced.close();
        } else {
            listener.onLinkUp(peer);
        }
        return Optional.empty();
    }

    private void noteSecondConnection(Link existing, Link candidate) {
        KeyConflicts.Verdict v = conflicts.secondConnection(candidate.peer(), System.nanoTime());
        if (v == KeyConflicts.Verdict.NONE) {
            return;
        }
        counters.keyConflict();
        if (v == KeyConflicts.Verdict.CONFLICT_WARN) {
            LOG.warn("p2p: key {} connected again while already linked, {} times within {} s ({} and {}): two processes are running "
                            + "with this node key; stop all but one (a validator key must run in exactly one process, or it may sign twice)",
                    candidate.peer(), KeyConflicts.EVENTS_TO_CONFLICT, KeyConflicts.WINDOW_NANOS / 1_000_000_000L,
                    existing.remoteAddress(), candidate.remoteAddress());
        }
    }

    /** The link's socket closed; fires the down event only if it was still the peer's link. */
    void removed(Link link) {
        boolean wasCurrent;
        synchronized (this) {
            wasCurrent = links.remove(link.peer(), link);
        }
        if (wasCurrent) {
            listener.onLinkDown(link.peer());
        }
    }

    public synchronized Optional<Link> link(PublicKey peer) {
        return Optional.ofNullable(links.get(peer));
    }

    public synchronized boolean isConnected(PublicKey peer) {
        return links.containsKey(peer);
    }

    public synchronized Set<PublicKey> connected() {
        return Set.copyOf(links.keySet());
    }

    public long banRemainingNanos(PublicKey peer) {
        return bans.remainingNanos(peer);
    }

    /** Bans the peer and closes its link if it has one. */
    public void ban(PublicKey peer, long durationNanos) {
        Link current;
        synchronized (this) {
            bans.ban(peer, durationNanos);
            current = links.get(peer);
        }
        counters.banned();
        if (current != null) {
            current.close();
        }
    }
}
