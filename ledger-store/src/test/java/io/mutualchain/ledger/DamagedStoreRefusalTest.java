package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.LedgerDamagedException.Damage;
import io.mutualchain.ledger.store.HeadMarker;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopped node's store damaged on disk, on real RocksDB: each open refuses with the typed reason,
 * names the damaged file, and leaves the files as they were (nothing committed is re-made).
 */
class DamagedStoreRefusalTest {
    static final int BLOCKS = 6;

    @TempDir
    Path tmp;

    final TestChain chain = new TestChain();

    Path store() {
        return tmp.resolve("ledger");
    }

    Path marker() {
        return tmp.resolve("ledger.head");
    }

    Ledger open() throws LedgerException {
        return Ledger.open(store(), chain.genesis, marker(), Ledger.OpenMode.NORMAL);
    }

    /** Commits {@link #BLOCKS} blocks of transfers and closes; returns the last block's hash. */
    Hash32 writeBlocks() throws Exception {
        KeyPair alice = chain.users.get(0);
        Address bob = chain.users.get(1).address();
        try (Ledger l = open()) {
            for (int i = 0; i < BLOCKS; i++) {
                chain.commit(l, List.of(chain.transfer(alice, i, bob, 10 + i)));
            }
            return l.lastBlockHash();
        }
    }

    List<Path> files(String suffix) throws IOException {
        try (Stream<Path> s = Files.list(store())) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Every store file RocksDB could rewrite on open, with a digest of its bytes (its own info logs and lock excluded). */
    Map<String, String> snapshot() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(store())) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith("LOG") && !name.equals("LOCK")) {
                    out.put(name, java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                }
            }
        }
        return out;
    }

    Map<String, String> tables() throws Exception {
        Map<String, String> all = snapshot();
        all.keySet().removeIf(name -> !name.endsWith(".sst"));
        return all;
    }

    static void flip(Path file, long offset, int count) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            for (int i = 0; i < count; i++) {
                f.seek(offset + i);
                int b = f.read();
                f.seek(offset + i);
                f.write(b ^ 0xff);
            }
        }
    }

    LedgerDamagedException refusal() {
        try (Ledger l = open()) {
            throw new AssertionError("the damaged store opened at height " + l.height());
        } catch (LedgerDamagedException e) {
            return e;
        } catch (LedgerException e) {
            throw new AssertionError("refused, but not as damage: " + e.getMessage(), e);
        }
    }

    @Test
    void aWriteAheadLogCutInHalfRefusesTheOpenAndNamesTheLog() throws Exception {
        writeBlocks();
        List<Path> logs = files(".log");
        assertThat(logs).as("after a clean close the blocks are still only in the write-ahead log").isNotEmpty();
        assertThat(files(".sst")).as("nothing flushed yet, so the log is the only copy").isEmpty();
        Path newest = logs.get(logs.size() - 1);
        long size = Files.size(newest);
        try (FileChannel ch = FileChannel.open(newest, StandardOpenOption.WRITE)) {
            ch.truncate(size / 2);
        }
        Map<String, String> before = snapshot();

        LedgerDamagedException e = refusal();

        assertThat(e.damage()).isEqualTo(Damage.STORE_CORRUPT);
        assertThat(e.where()).isEqualTo(newest.toAbsolutePath());
        assertThat(e.getMessage()).contains(newest.getFileName().toString()).contains("--resync-from-peers").contains("restore a backup");
        assertThat(snapshot()).as("the refused open left every file as it was").isEqualTo(before);
        assertThat(refusal().damage()).as("and refuses again: nothing was repaired by trying").isEqualTo(Damage.STORE_CORRUPT);
        assertThat(headHeightUnderPointInTimeRecovery()).as("control: RocksDB's default mode opens this copy below the committed head")
                .isLessThan(BLOCKS);
    }

    /** Opens a copy of the store the old way (default WAL recovery) and reads the head height it would have started from. */
    long headHeightUnderPointInTimeRecovery() throws Exception {
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        try (Stream<Path> s = Files.list(store())) {
            for (Path p : s.toList()) {
                Files.copy(p, copy.resolve(p.getFileName()));
            }
        }
        List<org.rocksdb.ColumnFamilyDescriptor> cfs = new java.util.ArrayList<>();
        try (org.rocksdb.Options o = new org.rocksdb.Options()) {
            for (byte[] name : org.rocksdb.RocksDB.listColumnFamilies(o, copy.toString())) {
                cfs.add(new org.rocksdb.ColumnFamilyDescriptor(name));
            }
        }
        List<org.rocksdb.ColumnFamilyHandle> handles = new java.util.ArrayList<>();
        try (org.rocksdb.DBOptions o = new org.rocksdb.DBOptions();
             org.rocksdb.RocksDB db = org.rocksdb.RocksDB.open(o, copy.toString(), cfs, handles)) {
            try {
                for (int i = 0; i < cfs.size(); i++) {
                    if (new String(cfs.get(i).getName(), java.nio.charset.StandardCharsets.UTF_8).equals("meta")) {
                        byte[] head = db.get(handles.get(i), io.mutualchain.ledger.store.Keys.META_HEAD);
                        return head == null ? -1 : io.mutualchain.ledger.store.Head.decode(head).height();
                    }
                }
                throw new AssertionError("no meta column family");
            } finally {
                handles.forEach(org.rocksdb.ColumnFamilyHandle::close);
            }
        }
    }

    @Test
    void fourFlippedBytesInTheMiddleOfTheWriteAheadLogRefuseTheOpen() throws Exception {
        writeBlocks();
        List<Path> logs = files(".log");
        Path newest = logs.get(logs.size() - 1);
        flip(newest, Files.size(newest) / 2, 4);
        Map<String, String> before = snapshot();

        LedgerDamagedException e = refusal();

        assertThat(e.damage()).isEqualTo(Damage.STORE_CORRUPT);
        assertThat(e.where()).isEqualTo(newest.toAbsolutePath());
        assertThat(e.getMessage()).contains("is damaged").contains(newest.getFileName().toString());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aFlippedByteInATableFileDataBlockRefusesTheOpenAndNamesTheFile() throws Exception {
        writeBlocks();
        // Reopening replays the log into table files (RocksDB flushes what it recovered), so the blocks now live in SSTs.
        try (Ledger l = open()) {
            assertThat(l.height()).isEqualTo(BLOCKS);
        }
        List<Path> ssts = files(".sst");
        assertThat(ssts).isNotEmpty();
        Path largest = ssts.stream().max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        // A block-based table starts with its data blocks: offset 16 is inside the first one.
        flip(largest, 16, 1);
        Map<String, String> before = tables();

        LedgerDamagedException e = refusal();

        assertThat(e.damage()).isEqualTo(Damage.STORE_CORRUPT);
        assertThat(e.where()).isEqualTo(largest.toAbsolutePath());
        assertThat(e.getMessage()).contains(largest.getFileName().toString());
        // RocksDB itself opened (the log was whole), so it rewrote its manifest; the tables, which hold the data, are untouched.
        assertThat(tables()).isEqualTo(before);
        assertThat(refusal().damage()).isEqualTo(Damage.STORE_CORRUPT);
    }

    @Test
    void aDeletedHeadMarkerRefusesAStoreThatWasWrittenWithOne() throws Exception {
        Hash32 last = writeBlocks();
        byte[] saved = Files.readAllBytes(marker());
        Files.delete(marker());

        LedgerDamagedException e = refusal();

        assertThat(e.damage()).isEqualTo(Damage.MARKER_MISSING);
        assertThat(e.where()).isEqualTo(marker());
        assertThat(Files.exists(marker())).as("no marker is made up").isFalse();
        assertUntouchedOnceTheMarkerIsBack(saved, last);
    }

    /** The refused open changed nothing: with the right marker back, the store opens at the same head. */
    void assertUntouchedOnceTheMarkerIsBack(byte[] saved, Hash32 last) throws Exception {
        Files.write(marker(), saved);
        try (Ledger l = open()) {
            assertThat(l.height()).isEqualTo(BLOCKS);
            assertThat(l.lastBlockHash()).isEqualTo(last);
        }
    }

    @Test
    void aMarkerAboveTheStoreRefusesTheOpenAsLostCommittedBlocks() throws Exception {
        Hash32 last = writeBlocks();
        byte[] saved = Files.readAllBytes(marker());
        HeadMarker m = HeadMarker.read(marker()).orElseThrow();
        assertThat(m.height()).isEqualTo(BLOCKS);
        assertThat(m.blockHash()).isEqualTo(last);
        new HeadMarker(BLOCKS + 2, Hash32.of(new byte[32]), m.signableThrough(), 0).write(marker());

        LedgerDamagedException e = refusal();

        assertThat(e.damage()).isEqualTo(Damage.BELOW_MARKER);
        assertThat(e.getMessage()).contains("ends at height " + BLOCKS).contains("committed up to height " + (BLOCKS + 2));
        assertThat(HeadMarker.read(marker()).orElseThrow().height()).as("the marker is kept").isEqualTo(BLOCKS + 2);
        assertThat(refusal().damage()).as("and refuses again").isEqualTo(Damage.BELOW_MARKER);
        assertUntouchedOnceTheMarkerIsBack(saved, last);
    }

    @Test
    void aMarkerNamingAnotherBlockAtItsHeightRefusesTheStore() throws Exception {
        writeBlocks();
        HeadMarker m = HeadMarker.read(marker()).orElseThrow();
        new HeadMarker(m.height(), Hash32.of(new byte[32]), 0, 0).write(marker());

        assertThat(refusal().damage()).isEqualTo(Damage.MARKER_MISMATCH);
    }

    @Test
    void aMarkerCutShortIsRefusedAsUnreadable() throws Exception {
        writeBlocks();
        byte[] whole = Files.readAllBytes(marker());
        Files.write(marker(), java.util.Arrays.copyOf(whole, whole.length - 5));

        assertThat(refusal().damage()).isEqualTo(Damage.MARKER_UNREADABLE);
    }

    @Test
    void aStoreOneBlockAboveItsMarkerOpensBecauseTheCrashFellBetweenBatchAndMarker() throws Exception {
        KeyPair alice = chain.users.get(0);
        Address bob = chain.users.get(1).address();
        byte[] markerBefore;
        try (Ledger l = open()) {
            chain.commit(l, List.of(chain.transfer(alice, 0, bob, 1)));
            markerBefore = Files.readAllBytes(marker());
            chain.commit(l, List.of(chain.transfer(alice, 1, bob, 1)));
        }
        Files.write(marker(), markerBefore);

        try (Ledger l = open()) {
            assertThat(l.height()).isEqualTo(2);
            assertThat(HeadMarker.read(marker()).orElseThrow().height()).isEqualTo(2);
        }
    }

    @Test
    void theMarkerFollowsEveryCommitAndKeepsTheHighestSignableHeight() throws Exception {
        try (Ledger l = open()) {
            assertThat(HeadMarker.read(marker()).orElseThrow().height()).isZero();
            l.coverSignableThrough(40);
            l.coverSignableThrough(30);
            chain.commit(l, List.of());
            HeadMarker m = HeadMarker.read(marker()).orElseThrow();
            assertThat(m.height()).isEqualTo(1);
            assertThat(m.blockHash()).isEqualTo(l.lastBlockHash());
            assertThat(m.signableThrough()).isEqualTo(40);
            assertThat(l.silentThrough()).isZero();
        }
    }

    @Test
    void aRebuildFromPeersMovesTheStoreAsideAndStaysSilentThroughEverythingItMayHaveSigned() throws Exception {
        writeBlocks();
        try (Ledger l = open()) {
            l.coverSignableThrough(BLOCKS + 3);
        }
        try (Ledger l = Ledger.open(store(), chain.genesis, marker(), Ledger.OpenMode.RESYNC_FROM_PEERS)) {
            assertThat(l.height()).isZero();
            long window = chain.genesis.params().watermarkWindow();
            assertThat(l.silentThrough()).isEqualTo(Math.max(BLOCKS + 3, BLOCKS + window));
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("ledger.damaged-"));
        }
        try (Ledger l = open()) {
            assertThat(l.silentThrough()).as("a later normal start keeps the restriction").isPositive();
        }
    }

    @Test
    void aRebuildFromPeersWithoutAMarkerIsRefused() throws Exception {
        writeBlocks();
        Files.delete(marker());

        assertThatThrownBy(() -> Ledger.open(store(), chain.genesis, marker(), Ledger.OpenMode.RESYNC_FROM_PEERS))
                .isInstanceOf(LedgerException.class).hasMessageContaining("no head marker");
        assertThat(Files.exists(store())).as("the store is left where it was").isTrue();
    }
}
