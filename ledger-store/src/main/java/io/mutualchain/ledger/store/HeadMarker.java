package io.mutualchain.ledger.store;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.Hash32;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * What this node has committed and could have signed, kept outside RocksDB so that a store that lost
 * its tail (a WAL cut at a record boundary looks like a shorter log to every recovery mode) or was
 * wiped is noticed at start instead of silently re-making committed heights.
 *
 * <p>The file is small text, written whole and atomically (temp file, fsync, rename, directory fsync)
 * after each committed block's synced batch:
 * <pre>
 * mutualchain-head-marker 1
 * height=1717
 * block=&lt;64 hex digits: the hash of the block at that height (the genesis hash at 0)&gt;
 * signable-through=1817
 * silent-through=0
 * crc32c=&lt;8 hex digits: CRC-32C of every byte before this line&gt;
 * </pre>
 *
 * @param height          the last committed height the store is known to hold
 * @param blockHash       the hash of the block at {@code height}
 * @param signableThrough the highest height this node may have signed a PBFT message for (its stable
 *                        checkpoint plus the watermark window L, raised before anything above is sent)
 * @param silentThrough   the node must not vote at or below this height: set when the store (and the
 *                        vote records in it) was given up and rebuilt from peers; 0 normally
 */
public record HeadMarker(long height, Hash32 blockHash, long signableThrough, long silentThrough) {
    static final String MAGIC = "mutualchain-head-marker 1";
    /** A marker is a few hundred bytes; anything longer is not one. */
    static final int MAX_BYTES = 1024;

    public HeadMarker {
        if (height < 0 || signableThrough < 0 || silentThrough < 0) {
            throw new IllegalArgumentException("head marker fields cannot be negative");
        }
    }

    /** The same marker at another committed head. */
    public HeadMarker at(long newHeight, Hash32 newHash) {
        return new HeadMarker(newHeight, newHash, signableThrough, silentThrough);
    }

    public HeadMarker withSignableThrough(long s) {
        return new HeadMarker(height, blockHash, Math.max(signableThrough, s), silentThrough);
    }

    public byte[] encode() {
        String body = MAGIC + "\n"
                + "height=" + height + "\n"
                + "block=" + blockHash.toHex() + "\n"
                + "signable-through=" + signableThrough + "\n"
                + "silent-through=" + silentThrough + "\n";
        byte[] b = body.getBytes(StandardCharsets.US_ASCII);
        return (body + "crc32c=" + String.format("%08x", crc(b, b.length)) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Decodes a marker; a wrong checksum, field, order or anything extra is refused. */
    public static HeadMarker decode(byte[] bytes) throws MarkerFormatException {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        String[] lines = text.split("\n", -1);
        if (lines.length != 7 || !lines[6].isEmpty() || !lines[0].equals(MAGIC)) {
            throw new MarkerFormatException("not a head marker (expected 6 lines starting '" + MAGIC + "')");
        }
        int crcStart = text.lastIndexOf("crc32c=");
        long stated = parseHex(field(lines[5], "crc32c"));
        if (stated != crc(bytes, crcStart)) {
            throw new MarkerFormatException("checksum mismatch");
        }
        try {
            return new HeadMarker(Long.parseLong(field(lines[1], "height")), Hash32.of(Hex.decode(field(lines[2], "block"))),
                    Long.parseLong(field(lines[3], "signable-through")), Long.parseLong(field(lines[4], "silent-through")));
        } catch (IllegalArgumentException e) {
            throw new MarkerFormatException("bad field: " + e.getMessage());
        }
    }

    private static String field(String line, String name) throws MarkerFormatException {
        if (!line.startsWith(name + "=")) {
            throw new MarkerFormatException("expected field '" + name + "', found '" + line + "'");
        }
        return line.substring(name.length() + 1);
    }

    private static long parseHex(String s) throws MarkerFormatException {
        try {
            return Long.parseLong(s, 16);
        } catch (NumberFormatException e) {
            throw new MarkerFormatException("bad checksum '" + s + "'");
        }
    }

    private static long crc(byte[] b, int len) {
        CRC32C c = new CRC32C();
        c.update(b, 0, len);
        return c.getValue();
    }

    /** The marker in {@code file}, or empty when there is none. */
    public static Optional<HeadMarker> read(Path file) throws IOException, MarkerFormatException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new MarkerFormatException("file is " + Files.size(file) + " bytes, more than a marker's " + MAX_BYTES);
        }
        return Optional.of(decode(Files.readAllBytes(file)));
    }

    /**
     * Replaces {@code file} with this marker so that a crash leaves either the old or the new one,
     * whole: written to a temporary file beside it, synced, renamed over it, and the directory synced
     * so the rename itself is durable.
     */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(encode());
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + file + " atomically: " + e.getMessage(), e);
        }
        try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /** The marker file's content is not a marker: cut short, overwritten or from another program. */
    public static final class MarkerFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        public MarkerFormatException(String message) {
            super(message);
        }
    }
}
