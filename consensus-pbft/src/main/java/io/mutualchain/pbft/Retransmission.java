package io.mutualchain.pbft;

import io.mutualchain.pbft.message.Commit;
import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.Signed;
import java.util.Optional;

/**
 * Every {@link PbftConfig#retransmitTicks()} ticks this replica re-sends its own messages that may
 * not have arrived: its VIEW-CHANGE while changing view; otherwise its pre-prepares (as primary),
 * PREPAREs and COMMITs of the open heights and of a short committed tail; and its unstable
 * CHECKPOINT. The network may drop anything; this is what makes the protocol finish anyway.
 */
final class Retransmission {
    /** Own messages re-sent on each retransmission for heights this far below the last commit, so stragglers finish them. */
    static final int RETRANSMIT_COMMITTED_TAIL = 2;

    private final EngineState st;

    Retransmission(EngineState st) {
        this.st = st;
    }

    /** Retransmits on every {@link PbftConfig#retransmitTicks()}-th tick. */
    void onTick() {
        if (st.ticks % st.config.retransmitTicks() == 0) {
            retransmit();
        }
    }

    private void retransmit() {
        if (!st.active) {
            if (st.myViewChange != null) {
                st.out.broadcast(st.myViewChange.encode());
            }
        } else {
            for (Slot s : st.slots.tailMap(st.lastCommitted - RETRANSMIT_COMMITTED_TAIL, false).values()) {
                if (s.prePrepare != null && s.prePrepare.signer().equals(st.self) && st.isPrimary()) {
                    st.out.broadcast(s.prePrepare.encode());
                }
                Signed<Prepare> p = s.prepares.get(st.self);
                if (p != null) {
                    st.out.broadcast(p.encode());
                }
            }
            long from = Math.max(st.stable.height(), st.lastCommitted - RETRANSMIT_COMMITTED_TAIL);
            for (long h = from + 1; h <= st.windowTop(); h++) {
                Optional<Signed<Commit>> c = st.commits.of(h, st.self);
                if (c.isEmpty()) {
                    if (h > st.lastCommitted && !st.slots.containsKey(h)) {
                        break;
                    }
                    continue;
                }
                st.out.broadcast(c.get().encode());
            }
        }
        if (st.myCheckpoint != null && st.myCheckpoint.body().height() > st.stable.height()) {
            st.out.broadcast(st.myCheckpoint.encode());
        }
    }
}
