package io.mutualchain.pbft;

import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.pbft.message.SignatureVerifier;
import java.util.EnumSet;
import java.util.Set;

/**
 * The engine's parameters. Chain-wide ones (chain id, K, L, block bounds) come from genesis and must
 * be the same on every node; the timer settings are per node and counted in ticks (see
 * docs/consensus.md for the suggested tick period); the clock is per node too.
 */
public final class PbftConfig {
    /** Default first view-change timeout: 40 ticks, 2 s at the suggested 50 ms tick. */
    public static final int DEFAULT_VIEW_CHANGE_TIMEOUT_TICKS = 40;
    /** Default ceiling of the exponential backoff: 16 times the first timeout (32 s at 50 ms). */
    public static final int DEFAULT_MAX_VIEW_CHANGE_TIMEOUT_TICKS = 640;
    public static final int DEFAULT_RETRANSMIT_TICKS = 10;
    public static final int DEFAULT_SYNC_RETRY_TICKS = 40;
    /** No timer may be longer than this, whatever an operator writes: 72,000 ticks is one hour at 50 ms. */
    public static final int MAX_TIMER_TICKS = 72_000;

    private final String chainId;
    private final ChainParams params;
    private final int viewChangeTimeoutTicks;
    private final int maxViewChangeTimeoutTicks;
    private final int retransmitTicks;
    private final int syncRetryTicks;
    private final SignatureVerifier verifier;
    private final Set<InjectedFault> faults;
    private final long epochBase;
    private final LocalClock clock;

    private PbftConfig(String chainId, ChainParams params, int viewChangeTimeoutTicks, int maxViewChangeTimeoutTicks,
                       int retransmitTicks, int syncRetryTicks, SignatureVerifier verifier, Set<InjectedFault> faults) {
        this(chainId, params, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, retransmitTicks, syncRetryTicks, verifier, faults, 0,
                LocalClock.SYSTEM);
    }

    private PbftConfig(String chainId, ChainParams params, int viewChangeTimeoutTicks, int maxViewChangeTimeoutTicks,
                       int retransmitTicks, int syncRetryTicks, SignatureVerifier verifier, Set<InjectedFault> faults, long epochBase,
                       LocalClock clock) {
        if (chainId == null || chainId.isEmpty()) {
            throw new IllegalArgumentException("chain id is required");
        }
        check("viewChangeTimeoutTicks", viewChangeTimeoutTicks);
        check("maxViewChangeTimeoutTicks", maxViewChangeTimeoutTicks);
        check("retransmitTicks", retransmitTicks);
        check("syncRetryTicks", syncRetryTicks);
        if (maxViewChangeTimeoutTicks < viewChangeTimeoutTicks) {
            throw new IllegalArgumentException("maxViewChangeTimeoutTicks must be at least viewChangeTimeoutTicks");
        }
        this.chainId = chainId;
        this.params = params;
        this.viewChangeTimeoutTicks = viewChangeTimeoutTicks;
        this.maxViewChangeTimeoutTicks = maxViewChangeTimeoutTicks;
        this.retransmitTicks = retransmitTicks;
        this.syncRetryTicks = syncRetryTicks;
        this.verifier = verifier;
        this.faults = faults.isEmpty() ? EnumSet.noneOf(InjectedFault.class) : EnumSet.copyOf(faults);
        if (epochBase < 0 || epochBase % params.checkpointInterval() != 0) {
            throw new IllegalArgumentException("epoch base must be 0 or a checkpoint height (a multiple of K), was " + epochBase);
        }
        this.epochBase = epochBase;
        if (clock == null) {
            throw new IllegalArgumentException("a clock is required");
        }
        this.clock = clock;
    }

    private static void check(String name, int ticks) {
        if (ticks < 1 || ticks > MAX_TIMER_TICKS) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_TIMER_TICKS + " ticks, was " + ticks);
        }
    }

    public static PbftConfig of(String chainId, ChainParams params) {
        return new PbftConfig(chainId, params, DEFAULT_VIEW_CHANGE_TIMEOUT_TICKS, DEFAULT_MAX_VIEW_CHANGE_TIMEOUT_TICKS,
                DEFAULT_RETRANSMIT_TICKS, DEFAULT_SYNC_RETRY_TICKS, SignatureVerifier.ED25519, Set.of());
    }

    public PbftConfig withViewChangeTimeoutTicks(int first, int max) {
        return new PbftConfig(chainId, params, first, max, retransmitTicks, syncRetryTicks, verifier, faults, epochBase, clock);
    }

    public PbftConfig withRetransmitTicks(int ticks) {
        return new PbftConfig(chainId, params, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, ticks, syncRetryTicks, verifier, faults, epochBase, clock);
    }

    public PbftConfig withSyncRetryTicks(int ticks) {
        return new PbftConfig(chainId, params, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, retransmitTicks, ticks, verifier, faults, epochBase, clock);
    }

    public PbftConfig withVerifier(SignatureVerifier v) {
        return new PbftConfig(chainId, params, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, retransmitTicks, syncRetryTicks, v, faults, epochBase, clock);
    }

    /** Test-only: deliberately breaks the engine so that tests can prove the simulator notices. */
    PbftConfig withInjectedFaults(Set<InjectedFault> injected) {
        return new PbftConfig(chainId, params, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, retransmitTicks, syncRetryTicks, verifier, injected, epochBase, clock);
    }

    /**
     * The engine for the epoch that starts after checkpoint height {@code base}: its validator set
     * was fixed by the ledger state at that height, and it orders heights base + 1 onwards (0 is the
     * genesis epoch). See docs/consensus.md, "Validator-set changes".
     */
    public PbftConfig withEpochBase(long base) {
        return new PbftConfig(chainId, params, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, retransmitTicks, syncRetryTicks, verifier, faults, base, clock);
    }

    /**
     * This node's wall clock, which the block-time rule reads when a proposal arrives (default: the
     * system clock). A per-node setting: only votes depend on it, never what is applied.
     */
    public PbftConfig withClock(LocalClock c) {
        return new PbftConfig(chainId, params, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, retransmitTicks, syncRetryTicks, verifier, faults, epochBase, c);
    }

    public LocalClock clock() {
        return clock;
    }

    /** The last height of the previous epoch; this engine orders the heights after it. */
    public long epochBase() {
        return epochBase;
    }

    boolean has(InjectedFault fault) {
        return faults.contains(fault);
    }

    public String chainId() {
        return chainId;
    }

    public ChainParams params() {
        return params;
    }

    /** K. */
    public int checkpointInterval() {
        return params.checkpointInterval();
    }

    /** L. */
    public int watermarkWindow() {
        return params.watermarkWindow();
    }

    public int viewChangeTimeoutTicks() {
        return viewChangeTimeoutTicks;
    }

    public int maxViewChangeTimeoutTicks() {
        return maxViewChangeTimeoutTicks;
    }

    public int retransmitTicks() {
        return retransmitTicks;
    }

    public int syncRetryTicks() {
        return syncRetryTicks;
    }

    public SignatureVerifier verifier() {
        return verifier;
    }
}
