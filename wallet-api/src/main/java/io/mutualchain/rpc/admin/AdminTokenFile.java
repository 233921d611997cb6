package io.mutualchain.rpc.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The file that holds the admin token: one line, owner-only. Reading refuses, with a message that
 * says how to fix it, a file that is missing, too large, more than one line, too short, or (on POSIX
 * file systems) open to the group or to others: a token others can read is not a secret, and the
 * node must not start as if it were.
 */
public final class AdminTokenFile {
    /** Random bytes in a generated token: 256 bits, written as 64 hex digits. */
    public static final int GENERATED_BYTES = 32;
    /** Largest token file read; a token is one line of at most {@link AdminToken#CHARS_MAX} characters. */
    public static final int FILE_BYTES_MAX = 4_096;
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private AdminTokenFile() {
    }

    /** Reads and checks the token in {@code file}. */
    public static AdminToken read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("admin token file " + file + " does not exist (create one with: ./mutualchain admin token --out " + file + ")");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
            open.addAll(perms);
            open.retainAll(NOT_OWNER);
            if (!open.isEmpty()) {
                throw new IOException("admin token file " + file + " is accessible by group or others (mode "
                        + PosixFilePermissions.toString(perms) + "); make it owner-only: chmod 600 " + file);
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("admin token file " + file + " is not a regular file");
        }
        if (Files.size(file) > FILE_BYTES_MAX) {
            throw new IOException("admin token file " + file + " is larger than " + FILE_BYTES_MAX + " bytes; it must hold one line");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String line = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IOException("admin token file " + file + " holds more than one line; it must hold the token alone");
        }
        try {
            return AdminToken.of(line);
        } catch (IllegalArgumentException e) {
            throw new IOException("admin token file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Writes a new random token (64 hex digits) to {@code file}, created owner read/write only (0600 on
     * POSIX). Never overwrites: an existing file is an error, because replacing a token silently would
     * lock out every script that uses it.
     */
    public static void create(Path file) throws IOException {
        byte[] random = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(random);
        byte[] line = (HexFormat.of().formatHex(random) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean posix = Files.getFileStore(parent == null ? file.toAbsolutePath() : parent).supportsFileAttributeView(PosixFileAttributeView.class);
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("admin token file " + file + " already exists; it is never overwritten (delete it first to replace the token)");
        }
        try {
            Files.write(file, line, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (NoSuchFileException e) {
            throw new IOException("admin token file " + file + " vanished while being written");
        }
    }
}
