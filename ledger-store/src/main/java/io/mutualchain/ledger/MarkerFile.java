package io.mutualchain.ledger;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.ledger.LedgerDamagedException.Damage;
import io.mutualchain.ledger.store.HeadMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head marker file of one ledger (see {@link HeadMarker} for the format): read and judged at
 * open, rewritten after every committed block and whenever the node may sign higher. Used only under
 * the ledger's writer lock, so the in-memory copy is always what the file holds.
 */
final class MarkerFile {
    private static final Logger LOG = LoggerFactory.getLogger(MarkerFile.class);

    private final Path file;
    private volatile HeadMarker current;

    MarkerFile(Path file, HeadMarker current) {
        this.file = file;
        this.current = current;
    }

    static Optional<HeadMarker> read(Path file) throws LedgerDamagedException {
        try {
            return HeadMarker.read(file);
        } catch (IOException | HeadMarker.MarkerFormatException e) {
            throw new LedgerDamagedException(Damage.MARKER_UNREADABLE, file, "the head marker " + file + " cannot be read: " + e.getMessage()
                    + "; it is what tells this node how far it had committed and what it may have signed." + HeadCheck.WAY_OUT
                    + " (A rebuild from peers needs the marker; without it, only a backup.)", e);
        }
    }

    /**
     * Before a rebuild from peers: moves the old store aside (kept for inspection, never deleted) and
     * writes a marker at genesis that keeps this node silent through every height it may have signed.
     */
    static void prepareResync(Path dir, Path file, Genesis genesis) throws LedgerException {
        HeadMarker old = read(file).orElseThrow(() -> new LedgerException("cannot rebuild " + dir + " from peers: there is no head marker at "
                + file + ", so nothing says which heights this node may have signed; restore a backup (with its marker) instead"));
        long silent = Math.max(old.silentThrough(), Math.max(old.signableThrough(), old.height() + genesis.params().watermarkWindow()));
        try {
            if (Files.exists(dir)) {
                Path aside = dir.resolveSibling(dir.getFileName() + ".damaged-" + System.currentTimeMillis());
                Files.move(dir, aside);
                LOG.warn("rebuilding from peers: the old store {} was moved to {}", dir, aside);
            }
            new HeadMarker(0, genesis.hash(), old.signableThrough(), silent).write(file);
        } catch (IOException e) {
            throw new LedgerException("cannot prepare the rebuild of " + dir + ": " + e.getMessage(), e);
        }
        LOG.warn("rebuilding from peers: this node had committed up to height {} and may have signed up to height {}; it will not vote"
                + " at or below height {} (head marker {})", old.height(), old.signableThrough(), silent, file);
    }

    HeadMarker current() {
        return current;
    }

    /** Writes {@code next} if it differs from the file. */
    void write(HeadMarker next) throws LedgerException {
        if (next.equals(current)) {
            return;
        }
        try {
            next.write(file);
        } catch (IOException e) {
            throw new LedgerException("the head marker " + file + " could not be written (height " + next.height() + "): " + e.getMessage(), e);
        }
        current = next;
    }

    /** After block {@code height} is stored: a failure here means the block is committed and the marker is one behind. */
    void committed(long height, Hash32 hash) throws LedgerException {
        try {
            write(current.at(height, hash));
        } catch (LedgerException e) {
            throw new LedgerException("block " + height + " is committed, but " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }
}
