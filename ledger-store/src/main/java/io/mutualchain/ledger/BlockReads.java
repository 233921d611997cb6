package io.mutualchain.ledger;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.ledger.store.Cf;
import io.mutualchain.ledger.store.Keys;
import io.mutualchain.ledger.store.RocksLedgerDb;
import java.util.Optional;

/** Reads of committed blocks, their certificates and the transaction and receipt indexes. */
final class BlockReads {
    private final RocksLedgerDb db;

    BlockReads(RocksLedgerDb db) {
        this.db = db;
    }

    /** A block and its certificate from one snapshot, so a reader never pairs one with another height's. */
    Optional<StoredBlock> byHeight(long height) {
        if (height < 1) {
            return Optional.empty();
        }
        return db.withSnapshot(r -> {
            byte[] b = r.get(Cf.BLOCKS, Keys.height(height));
            byte[] c = r.get(Cf.CERTS, Keys.height(height));
            if (b == null || c == null) {
                return Optional.empty();
            }
            return Optional.of(new StoredBlock(Block.decode(b), CommitCertificate.decode(c)));
        });
    }

    Optional<StoredBlock> byHash(Hash32 hash) {
        byte[] h = db.get(Cf.BLOCK_BY_HASH, hash.toBytes());
        if (h == null) {
            return Optional.empty();
        }
        return byHeight(new CanonicalReader(h).varint("height"));
    }

    Optional<TxLocation> transaction(Hash32 txId) {
        byte[] v = db.get(Cf.TX_INDEX, txId.toBytes());
        return v == null ? Optional.empty() : Optional.of(TxLocation.decode(v));
    }

    Optional<Receipt> receipt(Hash32 txId) {
        byte[] v = db.get(Cf.RECEIPTS, txId.toBytes());
        return v == null ? Optional.empty() : Optional.of(Receipt.decode(v));
    }
}
