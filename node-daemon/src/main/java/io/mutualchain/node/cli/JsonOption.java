package io.mutualchain.node.cli;

import picocli.CommandLine.Option;

/** The {@code --json} flag, mixed into every command that prints a result. */
public final class JsonOption {
    @Option(names = "--json", description = "Print the result as one JSON object on stdout.")
    boolean json;

    public boolean enabled() {
        return json;
    }
}
