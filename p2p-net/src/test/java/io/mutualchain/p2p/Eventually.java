package io.mutualchain.p2p;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until a deadline; the only way tests wait. Fails with the description if the deadline passes. */
final class Eventually {
    static final Duration DEFAULT = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 10;

    private Eventually() {
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, DEFAULT, condition);
    }

    static void await(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + within + " waiting until " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
