package io.mutualchain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.testkit.TestKeys;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files round trip, are private to their owner, are never overwritten, and refuse edits. */
class KeyFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair KEY = TestKeys.key(1);

    @TempDir
    Path dir;

    private Path written() throws IOException {
        Path file = dir.resolve("keys/node.key");
        KeyFile.write(file, KEY);
        return file;
    }

    private Path edited(String field, String value) throws IOException {
        Path file = written();
        ObjectNode o = (ObjectNode) JSON.readTree(file.toFile());
        o.put(field, value);
        Path copy = dir.resolve("edited.key");
        Files.writeString(copy, JSON.writeValueAsString(o));
        return copy;
    }

    @Test
    void aWrittenKeyReadsBackAsTheSameKey() throws IOException {
        KeyPair back = KeyFile.read(written());
        assertThat(back).isEqualTo(KEY);
        assertThat(back.publicKey()).isEqualTo(KEY.publicKey());
        assertThat(back.address()).isEqualTo(KEY.address());
        byte[] msg = {1, 2, 3};
        assertThat(back.sign(msg)).isEqualTo(KEY.sign(msg));
    }

    @Test
    void theFileIsReadableAndWritableByItsOwnerOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written()))).isEqualTo("rw-------");
    }

    @Test
    void theFileSaysItsFormatVersionAlgorithmKeyAndAddress() throws IOException {
        var o = JSON.readTree(written().toFile());
        assertThat(o.get("format").asText()).isEqualTo("mutualchain-key");
        assertThat(o.get("version").asInt()).isEqualTo(1);
        assertThat(o.get("algorithm").asText()).isEqualTo("ed25519");
        assertThat(o.get("publicKey").asText()).isEqualTo(KEY.publicKey().toHex());
        assertThat(o.get("address").asText()).isEqualTo(KEY.address().toString());
        assertThat(o.get("privateKey").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        Path file = written();
        String before = Files.readString(file);
        assertThatThrownBy(() -> KeyFile.write(file, TestKeys.key(2)))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("refusing to overwrite");
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(KeyFile.read(file)).isEqualTo(KEY);
    }

    @Test
    void aFileWhosePublicKeyWasEditedIsRefused() throws IOException {
        Path file = edited("publicKey", TestKeys.key(2).publicKey().toHex());
        assertThatThrownBy(() -> KeyFile.read(file)).isInstanceOf(IOException.class)
                .hasMessage("key file " + file + ": publicKey does not match the private key");
    }

    @Test
    void aFileWhoseAddressWasEditedIsRefused() throws IOException {
        Path file = edited("address", TestKeys.key(2).address().toString());
        assertThatThrownBy(() -> KeyFile.read(file)).isInstanceOf(IOException.class)
                .hasMessage("key file " + file + ": address does not match the private key");
    }

    @Test
    void aFileWhosePrivateKeyIsNotA32ByteHexSeedIsRefused() throws IOException {
        Path file = edited("privateKey", "abcd");
        assertThatThrownBy(() -> KeyFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("key file " + file + ": bad privateKey: ");
    }

    @Test
    void aFileThatIsNotJsonIsRefused() throws IOException {
        Path file = dir.resolve("garbage.key");
        Files.writeString(file, "this is { not json");
        assertThatThrownBy(() -> KeyFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("key file " + file + " is not valid JSON");
    }

    @Test
    void aFileOfAnotherFormatOrVersionIsRefused() throws IOException {
        Path otherFormat = edited("format", "ethereum-keystore");
        assertThatThrownBy(() -> KeyFile.read(otherFormat)).isInstanceOf(IOException.class)
                .hasMessage("key file " + otherFormat + " is not a mutualchain-key version 1 file");
        Path file = dir.resolve("keys/node.key");
        ObjectNode o = (ObjectNode) JSON.readTree(file.toFile());
        o.put("version", 2);
        Path v2 = dir.resolve("v2.key");
        Files.writeString(v2, JSON.writeValueAsString(o));
        assertThatThrownBy(() -> KeyFile.read(v2)).isInstanceOf(IOException.class)
                .hasMessage("key file " + v2 + " is not a mutualchain-key version 1 file");
    }

    @Test
    void aMissingFileIsRefused() {
        Path file = dir.resolve("absent.key");
        assertThatThrownBy(() -> KeyFile.read(file)).isInstanceOf(IOException.class)
                .hasMessage("key file " + file + " does not exist");
    }
}
