package io.mutualchain.rpc.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenFileTest {
    @TempDir
    Path dir;

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private Path ownerOnly(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        if (posix()) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
        return f;
    }

    @Test
    void aCreatedTokenIs64HexDigitsInAnOwnerOnlyFileThatReadsBack() throws IOException {
        Path f = dir.resolve("sub/admin.token");
        AdminTokenFile.create(f);
        String line = Files.readString(f).strip();
        assertThat(line).matches("[0-9a-f]{64}");
        if (posix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        }
        AdminToken read = AdminTokenFile.read(f);
        assertThat(read.check(Optional.of("Bearer " + line))).isEqualTo(AdminToken.Verdict.GRANTED);
    }

    @Test
    void twoCreatedTokensDiffer() throws IOException {
        AdminTokenFile.create(dir.resolve("a"));
        AdminTokenFile.create(dir.resolve("b"));
        assertThat(Files.readString(dir.resolve("a"))).isNotEqualTo(Files.readString(dir.resolve("b")));
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        Path f = ownerOnly("admin.token", "keep me, I am a token of forty characters\n");
        assertThatThrownBy(() -> AdminTokenFile.create(f)).isInstanceOf(IOException.class).hasMessageContaining("never overwritten");
        assertThat(Files.readString(f)).isEqualTo("keep me, I am a token of forty characters\n");
    }

    @Test
    void aGroupReadableFileIsRefused() throws IOException {
        assumeThat(posix()).isTrue();
        Path f = ownerOnly("admin.token", "a".repeat(64) + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> AdminTokenFile.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("accessible by group or others").hasMessageContaining("chmod 600");
    }

    @Test
    void aWorldReadableFileIsRefused() throws IOException {
        assumeThat(posix()).isTrue();
        Path f = ownerOnly("admin.token", "a".repeat(64) + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw----r--"));
        assertThatThrownBy(() -> AdminTokenFile.read(f)).isInstanceOf(IOException.class).hasMessageContaining("rw----r--");
    }

    @Test
    void aShortTokenIsRefused() throws IOException {
        Path f = ownerOnly("admin.token", "short\n");
        assertThatThrownBy(() -> AdminTokenFile.read(f)).isInstanceOf(IOException.class).hasMessageContaining("at least 32");
    }

    @Test
    void aMissingFileIsRefusedWithHowToCreateOne() {
        Path f = dir.resolve("nope.token");
        assertThatThrownBy(() -> AdminTokenFile.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("admin token --out");
    }

    @Test
    void aFileOfTwoLinesIsRefused() throws IOException {
        Path f = ownerOnly("admin.token", "a".repeat(40) + "\n" + "b".repeat(40) + "\n");
        assertThatThrownBy(() -> AdminTokenFile.read(f)).isInstanceOf(IOException.class).hasMessageContaining("more than one line");
    }

    @Test
    void aTokenWithoutATrailingNewlineOrWithCrLfIsAccepted() throws IOException {
        String t = "c".repeat(40);
        assertThat(AdminTokenFile.read(ownerOnly("a", t)).check(Optional.of("Bearer " + t))).isEqualTo(AdminToken.Verdict.GRANTED);
        assertThat(AdminTokenFile.read(ownerOnly("b", t + "\r\n")).check(Optional.of("Bearer " + t))).isEqualTo(AdminToken.Verdict.GRANTED);
    }
}
