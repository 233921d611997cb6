package io.mutualchain.rpc;

import io.mutualchain.core.crypto.Hash32;
import java.util.Objects;

/**
 * The outcome of executing a committed transaction; {@code error} is null when it succeeded. Fee in base
 * units. {@code contract} is set for a contract transaction that ran (how it ended, gas, result, events).
 */
public record ReceiptView(Hash32 txId, long height, int index, Hash32 blockHash, boolean success, String error, long feePaid,
                          ContractCallView contract) {
    public ReceiptView(Hash32 txId, long height, int index, Hash32 blockHash, boolean success, String error, long feePaid) {
        this(txId, height, index, blockHash, success, error, feePaid, null);
    }

    public ReceiptView {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(blockHash, "blockHash");
    }
}
