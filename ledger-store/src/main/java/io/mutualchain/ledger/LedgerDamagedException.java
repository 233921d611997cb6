package io.mutualchain.ledger;

import java.nio.file.Path;

/**
 * The ledger refuses to open because its data is damaged or no longer holds everything this node
 * committed. Opening anyway would re-make committed heights (with new hashes) or let the node vote
 * without its vote records, so the node must not start on it. The message names what is damaged and
 * the ways out: restore a backup of the whole data directory, or rebuild the store from peers with
 * {@code start --resync-from-peers}, which keeps the head marker and so the vote restriction.
 */
public final class LedgerDamagedException extends LedgerException {
    private static final long serialVersionUID = 1L;

    /** What the check at open found. */
    public enum Damage {
        /** RocksDB refused a file: a damaged or cut write-ahead log record, a table (SST) block or manifest failing its checksum. */
        STORE_CORRUPT,
        /** The head record, the head block, its certificate, the state tree root or the PBFT records are missing, unreadable or disagree. */
        HEAD_INCOMPLETE,
        /** The store's head is below the height the marker says was committed: committed blocks were lost. */
        BELOW_MARKER,
        /** The store holds another block at the marker's height than the one committed. */
        MARKER_MISMATCH,
        /** The store was written with a head marker but the marker file is gone. */
        MARKER_MISSING,
        /** The marker file exists but is not a whole marker (cut short, overwritten). */
        MARKER_UNREADABLE
    }

    /** Said after every refusal: what the operator can do. Kept in one place so docs/operations.md can quote it. */
    public static final String WAY_OUT = " Nothing was changed. Ways out: restore a backup of the whole data directory (store and head marker)"
            + " taken while the node was stopped, or rebuild the store from peers with 'mutualchain start --config FILE --resync-from-peers',"
            + " which keeps the head marker so this node does not vote where it may already have voted. See docs/operations.md,"
            + " \"When the node refuses to start\".";

    private final Damage damage;
    private final Path where;

    public LedgerDamagedException(Damage damage, Path where, String message, Throwable cause) {
        super(message, cause);
        this.damage = damage;
        this.where = where;
    }

    public Damage damage() {
        return damage;
    }

    /** The file or directory found damaged. */
    public Path where() {
        return where;
    }
}
