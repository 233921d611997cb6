package io.mutualchain.node.cli;

import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --key FILE} flag: the key file that signs. */
public final class KeyOption {
    @Option(names = "--key", paramLabel = "FILE", required = true, description = "Key file to sign with (made by 'keys new' or 'dev').")
    Path file;

    public KeyPair load() {
        try {
            return KeyFile.read(file);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    public Path file() {
        return file;
    }
}
