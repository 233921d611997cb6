package io.mutualchain.node.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs the CLI as its own process and captures what it prints. */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** No CLI command in these tests should take longer. */
    private static final long TIMEOUT_SECONDS = 60;

    record Result(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Cli() {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(NodeProcess.command(args)).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("CLI did not finish: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
