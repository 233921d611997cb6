package io.mutualchain.core.block;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.merkle.MerkleTree;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.validation.Validation;
import java.util.ArrayList;
import java.util.List;

/** A header and the transactions it commits to, in order. */
public record Block(BlockHeader header, List<Transaction> transactions) {
    /** The most transactions any block may carry, whatever the chain parameters say; bounds decoding. */
    public static final int MAX_TXS_HARD = 100_000;

    public Block {
        transactions = List.copyOf(transactions);
    }

    public Hash32 hash() {
        return header.hash();
    }

    public long height() {
        return header.height();
    }

    public static Hash32 txRoot(List<Transaction> txs) {
        List<byte[]> leaves = new ArrayList<>(txs.size());
        for (Transaction t : txs) {
            leaves.add(t.id().toBytes());
        }
        return MerkleTree.root(leaves);
    }

    /** Checks that the body matches the header: {@link BodyCode} when it does not. */
    public Validation checkBody() {
        if (header.txCount() != transactions.size()) {
            return Validation.refused(BodyCode.TX_COUNT_MISMATCH, "header says " + header.txCount() + " transactions, block has "
                    + transactions.size());
        }
        Hash32 root = txRoot(transactions);
        if (!root.equals(header.txRoot())) {
            return Validation.refused(BodyCode.TX_ROOT_MISMATCH, "transaction root " + root + " does not match header " + header.txRoot());
        }
        return Validation.valid();
    }

    public void write(CanonicalWriter w) {
        header.write(w);
        w.list(transactions, (ww, t) -> t.write(ww));
    }

    public static Block read(CanonicalReader r) {
        BlockHeader h = BlockHeader.read(r);
        List<Transaction> txs = r.list("block.transactions", MAX_TXS_HARD, Transaction::read);
        return new Block(h, txs);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(256 + transactions.size() * 180);
        write(w);
        return w.toByteArray();
    }

    public static Block decode(byte[] bytes) {
        return Decoding.strict(bytes, "block", Block::read);
    }
}
