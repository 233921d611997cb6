package io.mutualchain.node.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the CLI as its own process and captures what it prints. Output goes to files rather than
 * pipes, so the wait for the process is the only wait and its bound holds: a CLI that hangs
 * (however much or little it printed) is killed after {@link #TIMEOUT} and fails the test with its
 * command line and output, instead of blocking a pipe read forever.
 */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** No CLI command in these tests should take longer, even a JVM start on a loaded machine. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    record Result(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Cli() {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(TIMEOUT, NodeProcess.command(args).toArray(String[]::new));
    }

    /** Runs {@code command} as given, with at most {@code timeout} before it is killed and the call fails. */
    static Result run(Duration timeout, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("cli-", ".out");
        Path err = Files.createTempFile("cli-", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String line = String.join(" ", command);
            if (!ProcessStops.awaitExit(p, timeout, "CLI '" + line + "'")) {
                throw new AssertionError("CLI did not finish within " + timeout + " and was killed: " + line
                        + "\nstdout:\n" + read(out) + "\nstderr:\n" + read(err));
            }
            return new Result(p.exitValue(), read(out), read(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
