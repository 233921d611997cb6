package io.mutualchain.rpc.admin;

import java.util.Objects;

/**
 * The answer of a log-level change.
 *
 * @param logger            the logger's name ({@link #ROOT} for the root logger)
 * @param previous          the level it had set on itself before, or null when it inherited one
 * @param previousEffective the level in force for it before (its own or inherited)
 * @param level             the level now set
 */
public record LogLevelChange(String logger, LogLevel previous, LogLevel previousEffective, LogLevel level) {
    /** The name of the root logger. */
    public static final String ROOT = "ROOT";

    public LogLevelChange {
        Objects.requireNonNull(logger, "logger");
        Objects.requireNonNull(previousEffective, "previousEffective");
        Objects.requireNonNull(level, "level");
    }
}
