package io.mutualchain.pbft;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.pbft.message.PbftMessage;
import io.mutualchain.pbft.message.Signed;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Normal-case messages for a view this replica has not entered yet, kept so that the first
 * round of a new view is not lost while the NEW-VIEW is in flight. At most
 * {@link #MAX_PER_SIGNER} per signer, oldest dropped first; retransmission recovers anything lost.
 * Each keeps the local time it arrived at: the block-time rule judges a proposal by its arrival, not
 * by how long the NEW-VIEW took to follow it.
 */
final class FutureBuffer {
    /** Buffered messages per signer: a window's worth of prepares is not needed, a first round is. */
    static final int MAX_PER_SIGNER = 64;

    /** A buffered message and the local time it arrived at. */
    record Buffered(Signed<? extends PbftMessage> message, long arrivedAtMs) {
    }

    private final TreeMap<PublicKey, ArrayDeque<Buffered>> bySigner = new TreeMap<>();

    /** Returns false if an older message had to be dropped to make room. */
    boolean add(Signed<? extends PbftMessage> m, long arrivedAtMs) {
        ArrayDeque<Buffered> q = bySigner.computeIfAbsent(m.signer(), k -> new ArrayDeque<>());
        boolean room = q.size() < MAX_PER_SIGNER;
        if (!room) {
            q.pollFirst();
        }
        q.addLast(new Buffered(m, arrivedAtMs));
        return room;
    }

    /** Removes and returns the messages of {@code view}; drops those of lower views. */
    List<Buffered> takeView(long view, ToLongFunction<PbftMessage> viewOf) {
        List<Buffered> out = new ArrayList<>();
        for (ArrayDeque<Buffered> q : bySigner.values()) {
            ArrayDeque<Buffered> keep = new ArrayDeque<>();
            for (Buffered b : q) {
                long v = viewOf.applyAsLong(b.message().body());
                if (v == view) {
                    out.add(b);
                } else if (v > view) {
                    keep.add(b);
                }
            }
            q.clear();
            q.addAll(keep);
        }
        return out;
    }
}
