package io.mutualchain.rpc;

import io.mutualchain.core.crypto.Hash32;
import java.io.IOException;
import java.time.Duration;

/** No receipt appeared within the wait; the transaction may still be pending, or may have been dropped. */
public final class ReceiptTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Hash32 txId;

    public ReceiptTimeoutException(Hash32 txId, Duration waited) {
        super("no receipt for transaction " + txId + " after " + waited.toMillis() + " ms; it may still be pending");
        this.txId = txId;
    }

    public Hash32 txId() {
        return txId;
    }
}
