package io.mutualchain.ledger;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.merkle.MerkleTree;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.ledger.exec.BlockExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * The receipts root of a block: the Merkle root ({@link MerkleTree}, RFC 6962 shape) over one leaf per
 * transaction, in block order. A leaf is the canonical encoding of every part of the outcome that
 * consensus depends on, and nothing a node may word differently:
 *
 * <pre>
 * leaf = "MC-RCPT-V1" || tx id (32 bytes) || status (string: SUCCESS | FAILED | REJECTED)
 *        || rejection reason (string, the TxRejection.Reason name; empty on success)
 *        || refusal code (string, the ledger rule's Refusal.Code name; empty unless a rule refused it)
 *        || fee paid (uint) || contract run present (bool), then, when present:
 *        contract status (string) || gas used (uint) || result (bytes)
 *        || events (list of: contract address, topics as a list of bytes, data as bytes)
 *        || revert reason (bytes) || created (presence byte, then 20 bytes)
 * </pre>
 *
 * The human texts (the receipt's error and the contract run's message) are left out: they are for
 * people, may carry details of the node that computed them, and a wording change must not fork the
 * chain. Enum names rather than ordinals, so reordering an enum cannot change a root.
 */
public final class ReceiptsRoot {
    private static final byte[] TAG = "MC-RCPT-V1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** The root of a block with no transactions (and of genesis, which has no receipts). */
    public static final Hash32 NONE = MerkleTree.EMPTY_ROOT;

    private ReceiptsRoot() {
    }

    /** The root over {@code outcomes}, one per transaction of {@code txs}, in block order. */
    public static Hash32 of(List<Transaction> txs, List<BlockExecutor.TxOutcome> outcomes) {
        if (txs.size() != outcomes.size()) {
            throw new IllegalArgumentException(txs.size() + " transactions but " + outcomes.size() + " outcomes");
        }
        List<byte[]> leaves = new ArrayList<>(txs.size());
        for (int i = 0; i < txs.size(); i++) {
            leaves.add(leaf(txs.get(i).id(), outcomes.get(i)));
        }
        return MerkleTree.root(leaves);
    }

    /** One transaction's leaf (see the class comment). */
    public static byte[] leaf(Hash32 txId, BlockExecutor.TxOutcome o) {
        CanonicalWriter w = new CanonicalWriter(128);
        w.fixed(TAG);
        txId.write(w);
        w.string(o.status().name());
        w.string(o.rejection().map(r -> r.reason().name()).orElse(""));
        w.string(o.refusal().map(r -> r.code().name()).orElse(""));
        w.uint(o.feePaid());
        w.bool(o.contract().isPresent());
        if (o.contract().isPresent()) {
            ContractReceipt c = o.contract().get();
            w.string(c.status().name()).uint(c.gasUsed()).bytes(c.result());
            w.list(c.events(), (ww, e) -> {
                e.contract().write(ww);
                ww.list(e.topics(), CanonicalWriter::bytes);
                ww.bytes(e.data());
            });
            w.bytes(c.revertReason());
            w.bool(c.created() != null);
            if (c.created() != null) {
                c.created().write(w);
            }
        }
        return w.toByteArray();
    }
}
