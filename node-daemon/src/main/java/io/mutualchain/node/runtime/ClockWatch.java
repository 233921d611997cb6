package io.mutualchain.node.runtime;

import io.mutualchain.core.genesis.ChainParams;
import java.util.Optional;

/**
 * Tells the operator when this node's own clock looks wrong, judged by the blocks the chain commits.
 * Block time follows the honest validators' clocks within the block-time window, so a block
 * committed here should carry a time a little before this node's clock. When several blocks in a row
 * are stamped more than PRECISION after it, this clock is behind; when they are more than PRECISION
 * plus MSGDELAY before it while this node is caught up, this clock is ahead (a validator with such a
 * clock refuses honest proposals as untimely). Confined to the consensus thread; the last lag is
 * published for the metrics.
 */
final class ClockWatch {
    /** Consecutive blocks off the same way before a warning: one late or early block is not a wrong clock. */
    static final int CONSECUTIVE_BLOCKS = 5;
    /** While it stays off, the warning repeats every this many blocks. */
    static final int REPEAT_EVERY_BLOCKS = 500;

    private final long precisionMs;
    private final long messageDelayMs;
    private int behindRun;
    private int aheadRun;
    private volatile long lastLagMs;

    ClockWatch(ChainParams params) {
        this.precisionMs = params.clockPrecisionMs();
        this.messageDelayMs = params.messageDelayMs();
    }

    /**
     * A block stamped {@code blockTimeMs} was committed when this node's clock read {@code localMs};
     * {@code caughtUp} is false while this node applies old blocks (sync), which are late by nature.
     * Returns the warning to log, when one is due.
     */
    Optional<String> committed(long height, long blockTimeMs, long localMs, boolean caughtUp) {
        long lag = localMs - blockTimeMs;
        lastLagMs = lag;
        if (lag < -precisionMs) {
            aheadRun = 0;
            behindRun++;
            return due(behindRun) ? Optional.of("this node's clock looks " + (-lag) + " ms BEHIND the chain: the last " + behindRun
                    + " blocks were stamped more than the clock precision (" + precisionMs + " ms) after this clock (block " + height
                    + " at " + blockTimeMs + " ms, local clock " + localMs + " ms). Check NTP on this machine.") : Optional.empty();
        }
        if (lag > precisionMs + messageDelayMs) {
            if (!caughtUp) {
                return Optional.empty(); // an old block fetched to catch up says nothing about this clock; the count stands
            }
            behindRun = 0;
            aheadRun++;
            return due(aheadRun) ? Optional.of("this node's clock looks " + lag + " ms AHEAD of the chain: the last " + aheadRun
                    + " blocks were stamped more than the clock precision plus the message delay (" + (precisionMs + messageDelayMs)
                    + " ms) before this clock (block " + height + " at " + blockTimeMs + " ms, local clock " + localMs
                    + " ms). Check NTP on this machine; as a validator it refuses honest proposals as untimely.") : Optional.empty();
        }
        behindRun = 0;
        aheadRun = 0;
        return Optional.empty();
    }

    private static boolean due(int run) {
        return run == CONSECUTIVE_BLOCKS || (run > CONSECUTIVE_BLOCKS && (run - CONSECUTIVE_BLOCKS) % REPEAT_EVERY_BLOCKS == 0);
    }

    /** The local clock minus the time of the last committed block, when it was committed here. */
    long lastLagMs() {
        return lastLagMs;
    }
}
