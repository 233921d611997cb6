package io.mutualchain.node.sync;

import java.util.Optional;

/** Committed blocks with their certificates, as a node serves them to peers. */
public interface BlockSource {
    long height();

    io.mutualchain.core.crypto.Hash32 lastBlockHash();

    Optional<SyncMessage.CertifiedBlock> block(long height);
}
