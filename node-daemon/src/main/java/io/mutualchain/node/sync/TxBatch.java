package io.mutualchain.node.sync;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import java.util.List;

/**
 * A TX_GOSSIP frame: a list of raw transactions. Batching keeps per-frame costs (encryption,
 * syscalls) off the per-transaction path at thousands of transactions per second.
 */
public final class TxBatch {
    /** Most transactions in one gossip frame. */
    public static final int MAX_TXS = 1024;
    /** Largest single transaction a frame may carry; the chain's own limit is checked on admission. */
    public static final int MAX_TX_BYTES = 1 << 20;

    private TxBatch() {
    }

    public static byte[] encode(List<byte[]> rawTxs) {
        CanonicalWriter w = new CanonicalWriter(rawTxs.size() * 200 + 8);
        w.list(rawTxs, CanonicalWriter::bytes);
        return w.toByteArray();
    }

    public static List<byte[]> decode(byte[] frame) {
        return Decoding.strict(frame, "tx batch", r -> r.list("txs", MAX_TXS, rr -> rr.bytes("tx", MAX_TX_BYTES)));
    }
}
