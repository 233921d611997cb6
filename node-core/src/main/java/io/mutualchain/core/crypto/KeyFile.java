package io.mutualchain.core.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.bytes.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Key files: a small JSON document, written owner-read/write only (0600).
 *
 * <pre>{"format":"mutualchain-key","version":1,"algorithm":"ed25519",
 *  "publicKey":"&lt;64 hex&gt;","address":"mc…","privateKey":"&lt;64 hex seed&gt;"}</pre>
 *
 * The private key is the RFC 8032 32-byte seed. On reading, the public key and address are
 * recomputed from the seed and must match what the file says, so a damaged or edited file is refused.
 */
public final class KeyFile {
    public static final String FORMAT = "mutualchain-key";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyFile() {
    }

    /** Writes a new key file; refuses to overwrite an existing file so that no key is ever lost by accident. */
    public static void write(Path file, KeyPair key) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("version", VERSION);
        o.put("algorithm", "ed25519");
        o.put("publicKey", key.publicKey().toHex());
        o.put("address", key.address().toString());
        o.put("privateKey", Hex.encode(key.seed()));
        byte[] text = (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a key file already exists there; refusing to overwrite it");
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, text, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    public static KeyPair read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("key file " + file + " does not exist");
        }
        JsonNode o;
        try {
            o = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("key file " + file + " is not valid JSON: " + e.getMessage());
        }
        if (o == null || !FORMAT.equals(o.path("format").asText()) || o.path("version").asInt() != VERSION) {
            throw new IOException("key file " + file + " is not a " + FORMAT + " version " + VERSION + " file");
        }
        KeyPair key;
        try {
            key = KeyPair.fromSeed(Hex.decode(o.path("privateKey").asText()));
        } catch (IllegalArgumentException e) {
            throw new IOException("key file " + file + ": bad privateKey: " + e.getMessage());
        }
        if (!key.publicKey().toHex().equals(o.path("publicKey").asText())) {
            throw new IOException("key file " + file + ": publicKey does not match the private key");
        }
        if (o.has("address") && !key.address().toString().equals(o.path("address").asText())) {
            throw new IOException("key file " + file + ": address does not match the private key");
        }
        return key;
    }
}
