package io.mutualchain.node.sync;

import io.mutualchain.core.crypto.PublicKey;

/** Where blocks fetched from peers go: the consensus engine for a validator, the ledger for an observer. */
public interface BlockSink {
    /** Called in height order for each block of an answer; the sink verifies before applying. */
    void offer(PublicKey from, SyncMessage.CertifiedBlock block);
}
