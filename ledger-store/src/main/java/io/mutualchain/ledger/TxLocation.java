package io.mutualchain.ledger;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.tx.Transaction;

/**
 * Where a committed transaction is: the block height, its index in the block and the block hash.
 * Encoding (canonical codec): height (uint), index (uint), block hash (32 bytes), then the
 * transaction itself, so a lookup by id does not have to decode a whole block.
 */
public record TxLocation(Transaction tx, long height, int index, Hash32 blockHash) {
    public TxLocation {
        if (height < 1 || index < 0) {
            throw new IllegalArgumentException("transaction location out of range: height " + height + ", index " + index);
        }
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(tx.encodedSize() + 48);
        w.uint(height).uint(index);
        blockHash.write(w);
        tx.write(w);
        return w.toByteArray();
    }

    public static TxLocation decode(byte[] bytes) {
        return Decoding.strict(bytes, "transaction location", TxLocation::read);
    }

    private static TxLocation read(CanonicalReader r) {
        long height = r.uint("txloc.height", Long.MAX_VALUE);
        int index = r.uintAsInt("txloc.index", Integer.MAX_VALUE);
        Hash32 blockHash = Hash32.read(r, "txloc.blockHash");
        return new TxLocation(Transaction.read(r), height, index, blockHash);
    }
}
