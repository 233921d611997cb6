package io.mutualchain.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/** Prints a command's result either as text for people or as one JSON object for scripts. */
public final class Printer {
    public static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final boolean json;

    public Printer(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Prints {@code result} as JSON, or {@code text} for people. */
    public void print(JsonNode result, String text) {
        if (json) {
            try {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot render result as JSON", e);
            }
        } else {
            out.println(text);
        }
        out.flush();
    }

    public boolean json() {
        return json;
    }
}
