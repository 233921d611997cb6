package io.mutualchain.pbft.drive;

import io.mutualchain.pbft.SyncRequest;

/** Starts fetching final blocks from peers; the answers come back to the engine's {@code synced} (or, observing, to {@link ConsensusDriver#follow}). */
@FunctionalInterface
public interface SyncRequester {
    void request(SyncRequest request);
}
