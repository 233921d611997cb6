package io.mutualchain.node.runtime;

import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.pbft.LocalClock;
import io.mutualchain.pbft.PbftConfig;

/**
 * Turns the node's clock settings into the engine's timers. The engine starts a view change when
 * an active view makes no progress for its timeout; an idle chain makes progress only through its
 * empty blocks, so the first timeout must comfortably exceed the empty-block interval, or every
 * quiet spell would depose a healthy primary. The timeout doubles on each consecutive expiry, up to
 * a cap, so a slow cluster settles instead of changing view in a loop.
 */
final class ConsensusTimers {
    /** First timeout as a multiple of the empty-block interval. */
    static final int EMPTY_INTERVALS_PER_TIMEOUT = 3;
    /** The cap as a multiple of the first timeout. */
    static final int MAX_TIMEOUT_FACTOR = 8;

    private ConsensusTimers() {
    }

    /** The engine's settings: timers from the config, and this node's clock (see {@link #clock}). */
    static PbftConfig pbftConfig(Genesis genesis, NodeConfig config) {
        long emptyTicks = (config.emptyBlockIntervalMs() + config.tickMs() - 1) / config.tickMs();
        int first = (int) Math.min(PbftConfig.MAX_TIMER_TICKS,
                Math.max(PbftConfig.DEFAULT_VIEW_CHANGE_TIMEOUT_TICKS, EMPTY_INTERVALS_PER_TIMEOUT * emptyTicks));
        int max = (int) Math.min(PbftConfig.MAX_TIMER_TICKS,
                Math.max(PbftConfig.DEFAULT_MAX_VIEW_CHANGE_TIMEOUT_TICKS, (long) first * MAX_TIMEOUT_FACTOR));
        return PbftConfig.of(genesis.chainId(), genesis.params()).withViewChangeTimeoutTicks(first, max).withClock(clock(config));
    }

    /** The system clock, shifted by the config's test-only offset (0 on every real node). */
    static LocalClock clock(NodeConfig config) {
        long offset = config.clockOffsetMs();
        return offset == 0 ? LocalClock.SYSTEM : () -> System.currentTimeMillis() + offset;
    }
}
