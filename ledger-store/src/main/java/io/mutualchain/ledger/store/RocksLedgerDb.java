package io.mutualchain.ledger.store;

import io.mutualchain.ledger.LedgerDamagedException;
import io.mutualchain.ledger.LedgerException;
import io.mutualchain.ledger.LocalFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.Status;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB instance behind the ledger: opens it with every column family, translates RocksDB's
 * errors into {@link LedgerException}s an operator can act on, and owns every native object (options,
 * cache, handles) so that they are freed exactly once, at {@link #close()}.
 *
 * <p>Reads may come from many threads. A read/write lock keeps {@link #close()} from freeing native
 * memory under a read in progress; after close every call fails with {@link IllegalStateException}
 * instead of crashing the JVM. A read that RocksDB cannot serve (an I/O error, a checksum mismatch in
 * a table file) throws a {@link LocalFault}: it is never an answer such as "absent".
 *
 * <p>Damage is an error, never a silent rollback: the write-ahead log is replayed in absolute
 * consistency mode (any damaged or cut record refuses the open, where the default point-in-time mode
 * would drop every acknowledged write after it), paranoid checks are on, reads verify block checksums
 * (RocksDB's default, never turned off here), and every table file's checksums are verified once at
 * open, which reads the whole store (see docs/ledger.md, "Recovery policy").
 */
public final class RocksLedgerDb implements AutoCloseable {
    /** Shared block cache for all column families; bounds read-side memory. */
    public static final long BLOCK_CACHE_BYTES = 64L * 1024 * 1024;
    /** Memtables of all column families together; bounds write-side memory. */
    public static final long TOTAL_WRITE_BUFFER_BYTES = 64L * 1024 * 1024;
    /** Memtable size of one column family before it is flushed. */
    public static final long CF_WRITE_BUFFER_BYTES = 16L * 1024 * 1024;
    /** Open table files; bounds file descriptors. */
    public static final int MAX_OPEN_FILES = 512;
    /** Bloom filter bits per key: point reads (accounts, tree nodes, tx ids) dominate. */
    public static final double BLOOM_BITS_PER_KEY = 10.0;

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final RocksDB db;
    private final Map<Cf, ColumnFamilyHandle> handles;
    private final List<AutoCloseable> owned;
    private final WriteOptions syncWrite;
    private final ReentrantReadWriteLock closeGuard = new ReentrantReadWriteLock();
    private boolean closed;
    /** Consulted before every point read; {@link #NO_READ_FAULTS} unless a fault-injection test set one. */
    private volatile ReadFaults readFaults = NO_READ_FAULTS;
    /** Consulted before every synced write; {@link #NO_WRITE_FAULTS} unless a fault-injection test set one. */
    private volatile WriteFaults writeFaults = NO_WRITE_FAULTS;

    /**
     * A seam for fault-injection tests: called before each point read, it may throw the
     * {@link RocksDBException} a damaged disk would, which then takes the same path as a real one.
     */
    @FunctionalInterface
    public interface ReadFaults {
        void beforeRead(Cf cf, byte[] key) throws RocksDBException;
    }

    public static final ReadFaults NO_READ_FAULTS = (cf, key) -> { };

    /** Like {@link ReadFaults}, for the synced writes: may throw what a full or failing disk would. */
    @FunctionalInterface
    public interface WriteFaults {
        void beforeWrite() throws RocksDBException;
    }

    public static final WriteFaults NO_WRITE_FAULTS = () -> { };

    private RocksLedgerDb(Path dir, RocksDB db, Map<Cf, ColumnFamilyHandle> handles, List<AutoCloseable> owned, WriteOptions syncWrite) {
        this.dir = dir;
        this.db = db;
        this.handles = handles;
        this.owned = owned;
        this.syncWrite = syncWrite;
    }

    public static RocksLedgerDb open(Path dir) throws LedgerException {
        Path abs = dir.toAbsolutePath();
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new LedgerException("cannot create data directory " + abs + ": " + e.getMessage(), e);
        }
        // Everything native is collected here and freed in reverse order if opening fails half-way.
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            refuseUnknownColumnFamilies(abs);
            LRUCache cache = add(owned, new LRUCache(BLOCK_CACHE_BYTES));
            BloomFilter bloom = add(owned, new BloomFilter(BLOOM_BITS_PER_KEY));
            BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(bloom);
            ColumnFamilyOptions cfOptions = add(owned, new ColumnFamilyOptions()
                    .setTableFormatConfig(table)
                    .setWriteBufferSize(CF_WRITE_BUFFER_BYTES));
            DBOptions dbOptions = add(owned, new DBOptions()
                    .setCreateIfMissing(true)
                    .setCreateMissingColumnFamilies(true)
                    .setMaxOpenFiles(MAX_OPEN_FILES)
                    .setDbWriteBufferSize(TOTAL_WRITE_BUFFER_BYTES)
                    .setKeepLogFileNum(5)
                    .setWalRecoveryMode(WALRecoveryMode.AbsoluteConsistency)
                    .setParanoidChecks(true));
            WriteOptions syncWrite = add(owned, new WriteOptions().setSync(true));
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
            for (Cf cf : Cf.values()) {
                descriptors.add(new ColumnFamilyDescriptor(cf.nameBytes(), cfOptions));
            }
            List<ColumnFamilyHandle> handleList = new ArrayList<>();
            RocksDB db = RocksDB.open(dbOptions, abs.toString(), descriptors, handleList);
            // Closed in reverse if the check below fails: handles before the database.
            owned.add(db);
            owned.addAll(handleList);
            // A flipped bit in a table block is otherwise found only when that block is read, maybe
            // in the middle of executing a block; finding it here stops the node before it votes.
            db.verifyChecksum();
            owned.remove(db);
            owned.removeAll(handleList);
            // Handles must be closed before the database, the database before its options: owned closes in reverse.
            List<AutoCloseable> closeOrder = new ArrayList<>(owned);
            closeOrder.add(db);
            closeOrder.addAll(handleList);
            Map<Cf, ColumnFamilyHandle> handles = new EnumMap<>(Cf.class);
            for (Cf cf : Cf.values()) {
                handles.put(cf, handleList.get(cf.ordinal() + 1));
            }
            return new RocksLedgerDb(abs, db, handles, closeOrder, syncWrite);
        } catch (RocksDBException e) {
            closeAll(owned);
            throw translate(abs, e);
        } catch (LedgerException | RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T add(List<AutoCloseable> owned, T resource) {
        owned.add(resource);
        return resource;
    }

    private static void refuseUnknownColumnFamilies(Path abs) throws RocksDBException, LedgerException {
        if (!Files.exists(abs.resolve("CURRENT"))) {
            return;
        }
        List<byte[]> existing;
        try (Options o = new Options()) {
            existing = RocksDB.listColumnFamilies(o, abs.toString());
        }
        for (byte[] name : existing) {
            boolean known = Arrays.equals(name, RocksDB.DEFAULT_COLUMN_FAMILY);
            for (Cf cf : Cf.values()) {
                known |= Arrays.equals(name, cf.nameBytes());
            }
            if (!known) {
                throw new LedgerException("data directory " + abs + " holds column family '" + new String(name, java.nio.charset.StandardCharsets.UTF_8)
                        + "' that this version of MutualChain does not know; it was written by another version or program");
            }
        }
    }

    static LedgerException translate(Path dir, RocksDBException e) {
        String msg = String.valueOf(e.getMessage());
        String lower = msg.toLowerCase(Locale.ROOT);
        Status status = e.getStatus();
        if (status != null && status.getCode() == Status.Code.Corruption || lower.contains("corruption")) {
            Path file = damagedFile(dir, msg);
            return new LedgerDamagedException(LedgerDamagedException.Damage.STORE_CORRUPT, file,
                    "the database in " + dir + " is damaged: RocksDB refused " + (file.equals(dir) ? "it" : file) + " (" + msg + ")"
                            + (file.toString().endsWith(".log") && !msg.contains(file.getFileName().toString())
                                    ? ", the newest write-ahead log, replayed last" : "") + "."
                            + LedgerDamagedException.WAY_OUT, e);
        }
        if (lower.contains("lock")) {
            return new LedgerException("data directory " + dir + " is in use by another process (the database lock "
                    + dir.resolve("LOCK") + " is held); stop that node first or choose another --data-dir", e);
        }
        return new LedgerException("database in " + dir + " cannot be used: " + msg, e);
    }

    /**
     * The store file RocksDB names in its message (a table file, usually); a damaged log record is
     * reported without one, and then the newest write-ahead log, the one replayed last, is named.
     */
    private static Path damagedFile(Path dir, String msg) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{6,}\\.(log|sst)|MANIFEST-[0-9]+)").matcher(msg);
        if (m.find()) {
            return dir.resolve(m.group(1));
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).max(java.util.Comparator.naturalOrder()).orElse(dir);
        } catch (IOException e) {
            return dir;
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception ignored) {
                // Freeing native memory at shutdown; a failure here leaves nothing to recover.
            }
        }
    }

    public Path dir() {
        return dir;
    }

    private void enter() {
        closeGuard.readLock().lock();
        if (closed) {
            closeGuard.readLock().unlock();
            throw new IllegalStateException("the ledger in " + dir + " is closed");
        }
    }

    private void leave() {
        closeGuard.readLock().unlock();
    }

    /** Makes later reads consult {@code faults} first; for fault-injection tests only. */
    public void injectReadFaults(ReadFaults faults) {
        readFaults = java.util.Objects.requireNonNull(faults, "faults");
    }

    /** Makes later synced writes consult {@code faults} first; for fault-injection tests only. */
    public void injectWriteFaults(WriteFaults faults) {
        writeFaults = java.util.Objects.requireNonNull(faults, "faults");
    }

    /**
     * A point read of the latest committed data; null when absent.
     *
     * @throws LocalFault the database could not read the record
     */
    public byte[] get(Cf cf, byte[] key) {
        enter();
        try {
            readFaults.beforeRead(cf, key);
            return db.get(handles.get(cf), key);
        } catch (RocksDBException e) {
            throw readFailed(cf, e);
        } finally {
            leave();
        }
    }

    private LocalFault readFailed(Cf cf, RocksDBException e) {
        return new LocalFault(LocalFault.Kind.STORE_READ, "read from column family " + cf.cfName() + " of the database in " + dir
                + " failed: " + e.getMessage(), e);
    }

    /** Runs {@code work} against one consistent snapshot, so several reads see the same commit. */
    public <T> T withSnapshot(Function<DbReader, T> work) {
        enter();
        Snapshot snapshot = db.getSnapshot();
        try (ReadOptions ro = new ReadOptions().setSnapshot(snapshot)) {
            return work.apply((cf, key) -> {
                try {
                    readFaults.beforeRead(cf, key);
                    return db.get(handles.get(cf), ro, key);
                } catch (RocksDBException e) {
                    throw readFailed(cf, e);
                }
            });
        } finally {
            db.releaseSnapshot(snapshot);
            leave();
        }
    }

    /** Visits every entry of a column family in key order. */
    public void scan(Cf cf, BiConsumer<byte[], byte[]> visitor) {
        enter();
        try (RocksIterator it = db.newIterator(handles.get(cf))) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                visitor.accept(it.key(), it.value());
            }
            it.status();
        } catch (RocksDBException e) {
            throw readFailed(cf, e);
        } finally {
            leave();
        }
    }

    /** Fills a batch through {@code fill} and writes it atomically with sync, or not at all. */
    public void writeSynced(BatchFiller fill) throws LedgerException {
        enter();
        try (WriteBatch batch = new WriteBatch()) {
            fill.fill(new Batch(batch));
            writeFaults.beforeWrite();
            db.write(syncWrite, batch);
        } catch (RocksDBException e) {
            throw new LedgerException("write to the database in " + dir + " failed; nothing was written: " + e.getMessage(), e);
        } finally {
            leave();
        }
    }

    /** Builds the contents of one atomic write. */
    @FunctionalInterface
    public interface BatchFiller {
        void fill(Batch batch) throws RocksDBException;
    }

    /** A write batch that names column families by {@link Cf}. */
    public final class Batch {
        private final WriteBatch batch;

        private Batch(WriteBatch batch) {
            this.batch = batch;
        }

        public void put(Cf cf, byte[] key, byte[] value) throws RocksDBException {
            batch.put(handles.get(cf), key, value);
        }

        public void delete(Cf cf, byte[] key) throws RocksDBException {
            batch.delete(handles.get(cf), key);
        }
    }

    /** SST files plus memtables of all column families, in bytes. */
    public long approximateSizeBytes() {
        enter();
        try {
            long total = 0;
            for (ColumnFamilyHandle h : handles.values()) {
                total += db.getLongProperty(h, "rocksdb.total-sst-files-size");
                total += db.getLongProperty(h, "rocksdb.cur-size-all-mem-tables");
            }
            return total;
        } catch (RocksDBException e) {
            throw new IllegalStateException("size properties of " + dir + " are unavailable: " + e.getMessage(), e);
        } finally {
            leave();
        }
    }

    @Override
    public void close() {
        closeGuard.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeAll(owned);
        } finally {
            closeGuard.writeLock().unlock();
        }
    }
}
