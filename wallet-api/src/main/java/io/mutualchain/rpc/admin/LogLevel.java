package io.mutualchain.rpc.admin;

import java.util.Locale;
import java.util.Optional;

/** The levels a logger can be set to: Logback's, from most to least verbose, and OFF. */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, OFF;

    /** The level named {@code text} (any case), or empty. */
    public static Optional<LogLevel> parse(String text) {
        for (LogLevel l : values()) {
            if (l.name().equals(text.toUpperCase(Locale.ROOT))) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
