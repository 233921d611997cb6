package io.mutualchain.ledger;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.ledger.store.Cf;
import io.mutualchain.ledger.store.Head;
import io.mutualchain.ledger.store.HeadMarker;
import io.mutualchain.ledger.store.Keys;
import io.mutualchain.ledger.store.RocksLedgerDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a ledger: genesis on first open, the same chain and format on later ones, then the recovery
 * checks (the head is whole and not below the head marker, the hand-over records of started epochs)
 * and the marker rewritten, in that order. Any failure closes the store again before it is reported.
 */
final class LedgerOpening {
    // Logged under the front's name, as before the split, so operators' log filters keep matching.
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

    /** Builds the ledger once the store is open and checked; called last, inside the open's failure handling. */
    @FunctionalInterface
    interface Assembly {
        Ledger assemble(RocksLedgerDb db, Genesis genesis, LedgerTip tip, List<Long> missingHandovers, MarkerFile marker);
    }

    private LedgerOpening() {
    }

    /** See {@link Ledger#open(Path, Genesis, Path, Ledger.OpenMode)}. */
    static Ledger open(Path dir, Genesis genesis, Path markerFile, Ledger.OpenMode mode, Assembly assembly) throws LedgerException {
        if (mode == Ledger.OpenMode.RESYNC_FROM_PEERS) {
            MarkerFile.prepareResync(dir, markerFile, genesis);
        }
        Optional<HeadMarker> storedMarker = MarkerFile.read(markerFile);
        RocksLedgerDb db = RocksLedgerDb.open(dir);
        try {
            byte[] storedGenesis = db.get(Cf.META, Keys.META_GENESIS_HASH);
            boolean fresh = storedGenesis == null;
            if (fresh) {
                GenesisWriter.apply(db, genesis);
            } else {
                checkSameChain(db, genesis, storedGenesis);
            }
            Head head = Head.decode(require(db, Keys.META_HEAD, "head"));
            MtnTotals totals = MtnTotals.decode(require(db, Keys.META_TOTALS, "totals"));
            byte[] scheduleBytes = db.get(Cf.STATE, StateKeys.validatorsKey());
            if (scheduleBytes == null) {
                throw new LedgerException("database in " + db.dir() + " has no validator schedule; it is damaged");
            }
            ValidatorSchedule schedule = ValidatorSchedule.decode(scheduleBytes);
            List<ValidatorEpoch> epochs = readEpochs(db);
            if (epochs.isEmpty() || !epochs.get(epochs.size() - 1).equals(schedule.current())) {
                throw new LedgerException("database in " + db.dir() + " has an epoch history that does not end in the validator set in force; it is damaged");
            }
            LedgerTip tip = new LedgerTip(head, totals, schedule, epochs);
            HeadCheck.whole(db, genesis, head, tip.epochAt(Math.max(1, head.height())).validators());
            HeadMarker settled = settleMarker(db, genesis, head, markerFile, storedMarker, fresh);
            List<Long> missing = Handovers.checkOnOpen(db, head, schedule, epochs);
            MarkerFile marker = new MarkerFile(markerFile, storedMarker.orElse(null));
            marker.write(settled);
            if (db.get(Cf.META, Keys.META_HAS_MARKER) == null) {
                db.writeSynced(batch -> batch.put(Cf.META, Keys.META_HAS_MARKER, new byte[] {1}));
            }
            return assembly.assemble(db, genesis, tip, missing, marker);
        } catch (CodecException e) {
            db.close();
            throw new LedgerException("database in " + db.dir() + " is corrupt: " + e.getMessage(), e);
        } catch (LedgerException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The marker to write at open, or the refusal: a store this code wrote has a marker, and is never below it. */
    private static HeadMarker settleMarker(RocksLedgerDb db, Genesis genesis, Head head, Path markerFile, Optional<HeadMarker> stored,
                                           boolean fresh) throws LedgerException {
        if (stored.isPresent()) {
            return HeadCheck.againstMarker(db, genesis, head, markerFile, stored.get());
        }
        if (!fresh && db.get(Cf.META, Keys.META_HAS_MARKER) != null) {
            throw new LedgerDamagedException(LedgerDamagedException.Damage.MARKER_MISSING, markerFile, "the head marker " + markerFile
                    + " is missing, but the database in " + db.dir() + " (height " + head.height() + ") was written with one: without it"
                    + " nothing shows whether committed blocks were lost, or which heights this node may have signed." + HeadCheck.WAY_OUT, null);
        }
        if (!fresh) {
            LOG.info("the database in {} predates head markers; writing one at height {} ({})", db.dir(), head.height(), markerFile);
        }
        return new HeadMarker(head.height(), head.blockHash(), 0, 0);
    }

    private static void checkSameChain(RocksLedgerDb db, Genesis genesis, byte[] storedGenesis) throws LedgerException {
        long schema = new CanonicalReader(require(db, Keys.META_SCHEMA, "schema version")).varint("schema");
        if (schema != Ledger.SCHEMA_VERSION) {
            throw new LedgerException("database in " + db.dir() + " has format version " + schema + "; this node reads version "
                    + Ledger.SCHEMA_VERSION);
        }
        Hash32 stored = Hash32.of(storedGenesis);
        if (!stored.equals(genesis.hash())) {
            throw new LedgerException("database in " + db.dir() + " belongs to genesis " + stored + " but the configured genesis ("
                    + "chain '" + genesis.chainId() + "') is " + genesis.hash() + "; use the genesis this data was created with, or another data directory");
        }
    }

    private static List<ValidatorEpoch> readEpochs(RocksLedgerDb db) {
        List<ValidatorEpoch> out = new ArrayList<>();
        // Keys are "epoch/" + base big-endian, and the scan is in key order, so this is oldest first.
        db.scan(Cf.META, (k, v) -> {
            if (Keys.isEpochKey(k)) {
                out.add(ValidatorEpoch.decode(v));
            }
        });
        return List.copyOf(out);
    }

    private static byte[] require(RocksLedgerDb db, byte[] key, String what) throws LedgerException {
        byte[] v = db.get(Cf.META, key);
        if (v == null) {
            throw new LedgerException("database in " + db.dir() + " has a genesis but no " + what + " record; it is damaged");
        }
        return v;
    }
}
