package io.mutualchain.vm.asm;

import java.util.Map;
import java.util.Optional;

/**
 * Finds the text of an included file. The assembler itself does no I/O; a command-line tool passes
 * a resolver that reads files next to the source, a test passes a map.
 */
@FunctionalInterface
public interface IncludeResolver {

    /** The text of {@code path} as written in the {@code .include} line, or empty when there is no such file. */
    Optional<String> read(String path);

    /** Refuses every include. */
    static IncludeResolver none() {
        return path -> Optional.empty();
    }

    /** Serves includes from a map of path to text. */
    static IncludeResolver of(Map<String, String> files) {
        Map<String, String> copy = Map.copyOf(files);
        return path -> Optional.ofNullable(copy.get(path));
    }
}
