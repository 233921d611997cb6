package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keys new} and {@code keys show}. */
@Command(name = "keys", description = "Create and inspect Ed25519 key files.",
        subcommands = {KeysCommand.New.class, KeysCommand.Show.class})
public final class KeysCommand {

    static ObjectNode describe(KeyPair key, Path file) {
        ObjectNode o = Printer.object();
        o.put("address", key.address().toString());
        o.put("publicKey", key.publicKey().toHex());
        o.put("keyFile", file.toAbsolutePath().toString());
        return o;
    }

    @Command(name = "new", description = "Generate a key pair and write it to a new key file (mode 0600).")
    static final class New implements Runnable {
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the key file (must not exist).")
        Path out;
        @Mixin
        JsonOption json;

        @Override
        public void run() {
            KeyPair key = KeyPair.generate();
            try {
                KeyFile.write(out, key);
            } catch (IOException e) {
                throw new UserError("cannot write key file " + out + ": " + e.getMessage());
            }
            new Printer(System.out, json.enabled()).print(describe(key, out),
                    "address:    " + key.address() + "\npublic key: " + key.publicKey().toHex() + "\nkey file:   " + out.toAbsolutePath()
                            + "\nKeep the key file secret and backed up: whoever has it controls the account.");
        }
    }

    @Command(name = "show", description = "Show the address and public key of a key file.")
    static final class Show implements Runnable {
        @Mixin
        KeyOption key;
        @Mixin
        JsonOption json;

        @Override
        public void run() {
            KeyPair k = key.load();
            new Printer(System.out, json.enabled()).print(describe(k, key.file()),
                    "address:    " + k.address() + "\npublic key: " + k.publicKey().toHex());
        }
    }
}
