package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import java.util.Optional;

/**
 * From a quorum of COMMITs to {@link Ready#committed}: builds the commit certificate, holds blocks
 * committed out of order, and releases them strictly in height order on this replica's chain. A
 * height certified without its body (this replica never saw the block) is fetched by sync.
 */
final class Delivery {
    private final EngineState st;
    private final SyncRequests sync;

    Delivery(EngineState st, SyncRequests sync) {
        this.st = st;
        this.sync = sync;
    }

    /** Height {@code h} is committed once q COMMITs agree on one block (in any views, §4.2 and §4.4). */
    void checkCommitted(long h) {
        if (h <= st.lastCommitted || st.ahead.containsKey(h)) {
            return;
        }
        Optional<CommitVotes.Quorum> q = st.commits.quorum(h, st.quorums.commits);
        if (q.isEmpty()) {
            return;
        }
        CommitVotes.Quorum quorum = q.get();
        Block block = st.blocks.get(h, quorum.hash());
        st.noteCommitted(h);
        if (block == null) {
            st.certifiedWithoutBody.put(h, quorum.signers());
            sync.maybeRequestSync(true);
            return;
        }
        st.ahead.put(h, new CommittedBlock(block, new CommitCertificate(quorum.view(), h, quorum.hash(), quorum.signatures())));
        deliver();
    }

    /** Releases committed blocks in height order; asks for sync when there is a gap. */
    void deliver() {
        while (true) {
            CommittedBlock next = st.ahead.get(st.lastCommitted + 1);
            if (next == null) {
                break;
            }
            st.ahead.remove(st.lastCommitted + 1);
            if (!next.block().header().prevHash().equals(st.lastCommittedHash)) {
                continue; // not our chain; impossible with at most f faulty, but never deliver it
            }
            st.out.commit(next);
            st.lastCommitted++;
            st.lastCommittedHash = next.block().hash();
            st.committedHashes.put(st.lastCommitted, st.lastCommittedHash);
            st.certifiedWithoutBody.remove(st.lastCommitted);
        }
        st.certifiedWithoutBody.headMap(st.lastCommitted, true).clear();
        st.ahead.headMap(st.lastCommitted, true).clear();
        sync.maybeRequestSync(false);
    }
}
