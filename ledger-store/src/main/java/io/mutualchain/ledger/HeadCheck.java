package io.mutualchain.ledger;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.ledger.LedgerDamagedException.Damage;
import io.mutualchain.ledger.state.SparseMerkleTree;
import io.mutualchain.ledger.store.Cf;
import io.mutualchain.ledger.store.Head;
import io.mutualchain.ledger.store.HeadMarker;
import io.mutualchain.ledger.store.Keys;
import io.mutualchain.ledger.store.RocksLedgerDb;
import io.mutualchain.ledger.store.TreeNodes;
import java.nio.file.Path;
import io.mutualchain.core.validation.Validation;

/**
 * The checks at open that the store's head is whole and is not below what this node committed: the
 * head block and its certificate are present, decode, match the head and verify against the set in
 * force; the state tree's root is the head's state root; the PBFT records read back; and the store
 * holds the block the head marker names. Any failure is a {@link LedgerDamagedException} whose message
 * names what is damaged and the ways out.
 */
final class HeadCheck {
    static final String WAY_OUT = LedgerDamagedException.WAY_OUT;

    private HeadCheck() {
    }

    /** Checks the head the store claims; {@code validators} is the set in force at the head's height (ignored at 0). */
    static void whole(RocksLedgerDb db, Genesis genesis, Head head, ValidatorSet validators) throws LedgerDamagedException {
        try {
            long h = head.height();
            if (h > 0) {
                byte[] blockBytes = db.get(Cf.BLOCKS, Keys.height(h));
                byte[] certBytes = db.get(Cf.CERTS, Keys.height(h));
                if (blockBytes == null || certBytes == null) {
                    throw incomplete(db, "the head says height " + h + " but the " + (blockBytes == null ? "block" : "certificate")
                            + " at that height is missing", null);
                }
                Block block = Block.decode(blockBytes);
                if (!block.hash().equals(head.blockHash())) {
                    throw incomplete(db, "the block stored at head height " + h + " is " + block.hash() + ", the head says " + head.blockHash(), null);
                }
                CommitCertificate cert = CommitCertificate.decode(certBytes);
                Validation bad = cert.verify(genesis.chainId(), validators.keys(), validators.quorum(), block.hash(), h);
                if (!bad.isOk()) {
                    throw incomplete(db, "the certificate of head block " + h + " does not verify: " + bad.message(), null);
                }
            } else if (!head.blockHash().equals(genesis.hash())) {
                throw incomplete(db, "the head at height 0 is " + head.blockHash() + ", not the genesis hash " + genesis.hash(), null);
            }
            Hash32 treeRoot = Hash32.of(SparseMerkleTree.root(TreeNodes.reading(db::get)));
            if (!treeRoot.equals(head.stateRoot())) {
                throw incomplete(db, "the state tree's root is " + treeRoot + " but head block " + h + " says " + head.stateRoot(), null);
            }
            // Reads verify checksums: a damaged vote record fails here rather than when the engine restores it.
            db.scan(Cf.CONSENSUS, (k, v) -> {
            });
        } catch (CodecException | IllegalStateException | IllegalArgumentException e) {
            throw incomplete(db, "the head cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Compares the store's head with the marker; returns the marker to write now. A store at or above
     * the marker that holds the marker's block is fine (a crash between the synced batch and the marker
     * write leaves the store one block ahead).
     */
    static HeadMarker againstMarker(RocksLedgerDb db, Genesis genesis, Head head, Path markerFile, HeadMarker marker)
            throws LedgerDamagedException {
        if (head.height() < marker.height()) {
            throw new LedgerDamagedException(Damage.BELOW_MARKER, db.dir(), "the database in " + db.dir() + " ends at height " + head.height()
                    + " but this node had committed up to height " + marker.height() + " (" + marker.blockHash() + ", head marker "
                    + markerFile + "): committed blocks " + (head.height() + 1) + ".." + marker.height()
                    + " were lost (a damaged or cut write-ahead log, or a replaced store); starting would make them again with new contents."
                    + WAY_OUT, null);
        }
        Hash32 stored = hashAt(db, genesis, marker.height());
        if (!marker.blockHash().equals(stored)) {
            throw new LedgerDamagedException(Damage.MARKER_MISMATCH, db.dir(), "the database in " + db.dir() + " holds block " + stored
                    + " at height " + marker.height() + " but this node committed " + marker.blockHash() + " there (head marker "
                    + markerFile + "): the store is not the one this node wrote." + WAY_OUT, null);
        }
        return marker.at(head.height(), head.blockHash());
    }

    private static Hash32 hashAt(RocksLedgerDb db, Genesis genesis, long height) throws LedgerDamagedException {
        if (height == 0) {
            return genesis.hash();
        }
        byte[] b = db.get(Cf.BLOCKS, Keys.height(height));
        if (b == null) {
            throw incomplete(db, "block " + height + " (the head marker's height) is missing", null);
        }
        try {
            return Block.decode(b).hash();
        } catch (CodecException e) {
            throw incomplete(db, "block " + height + " cannot be read: " + e.getMessage(), e);
        }
    }

    static LedgerDamagedException incomplete(RocksLedgerDb db, String what, Throwable cause) {
        return new LedgerDamagedException(Damage.HEAD_INCOMPLETE, db.dir(), "the database in " + db.dir() + " is damaged: " + what + "." + WAY_OUT,
                cause);
    }
}
