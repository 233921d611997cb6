package io.mutualchain.rpc;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.tx.Transaction;
import java.util.Objects;

/** A committed transaction and where it sits: block height, index within the block, block hash. */
public record TxView(Transaction tx, long height, int index, Hash32 blockHash) {
    public TxView {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(blockHash, "blockHash");
    }
}
