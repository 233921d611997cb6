package io.mutualchain.rpc;

import io.mutualchain.core.crypto.Hash32;
import java.util.Objects;

/** The outcome of executing a committed transaction; {@code error} is null when it succeeded. Fee in base units. */
public record ReceiptView(Hash32 txId, long height, int index, Hash32 blockHash, boolean success, String error, long feePaid) {
    public ReceiptView {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(blockHash, "blockHash");
    }
}
