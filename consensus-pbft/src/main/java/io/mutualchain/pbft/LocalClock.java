package io.mutualchain.pbft;

/**
 * This validator's wall clock, in milliseconds since 1970, as the engine's one window on real time.
 * The engine reads it only to decide whether to vote for a new proposal (the block-time rule) and
 * to pick its own proposal's timestamp; nothing that is applied or hashed depends on it. The daemon
 * gives the system clock; the simulator gives each replica its own, possibly skewed, clock.
 */
@FunctionalInterface
public interface LocalClock {
    /** The system clock. */
    LocalClock SYSTEM = System::currentTimeMillis;

    long nowMs();
}
