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
 */
final class FutureBuffer {
    /** Buffered messages per signer: a window's worth of prepares is not needed, a first round is. */
    static final int MAX_PER_SIGNER = 64;

    private final TreeMap<PublicKey, ArrayDeque<Signed<? extends PbftMessage>>> bySigner = new TreeMap<>();

    /** Returns false if an older message had to be dropped to make room. */
    boolean add(Signed<? extends PbftMessage> m) {
        ArrayDeque<Signed<? extends PbftMessage>> q = bySigner.computeIfAbsent(m.signer(), k -> new ArrayDeque<>());
        boolean room = q.size() < MAX_PER_SIGNER;
        if (!room) {
            q.pollFirst();
        }
        q.addLast(m);
        return room;
    }

    /** Removes and returns the messages of {@code view}; drops those of lower views. */
    List<Signed<? extends PbftMessage>> takeView(long view, ToLongFunction<PbftMessage> viewOf) {
        List<Signed<? extends PbftMessage>> out = new ArrayList<>();
        for (ArrayDeque<Signed<? extends PbftMessage>> q : bySigner.values()) {
            ArrayDeque<Signed<? extends PbftMessage>> keep = new ArrayDeque<>();
            for (Signed<? extends PbftMessage> m : q) {
                long v = viewOf.applyAsLong(m.body());
                if (v == view) {
                    out.add(m);
                } else if (v > view) {
                    keep.add(m);
                }
            }
            q.clear();
            q.addAll(keep);
        }
        return out;
    }
}
