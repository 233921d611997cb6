package io.mutualchain.pbft.sim;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * When store faults strike, from their own random stream (so that a seed's other draws are what they
 * were before store faults existed), and how many struck of each kind. Only honest replicas, only in
 * the fault phase; the crash between persist and send keeps its older rate from the run's stream.
 */
final class StoreFaults {
    /** A failed read at restart is far rarer in life; here it must happen often enough to be tested. */
    static final double READ_FAILS_PER_RESTART = 0.25;
    /** A replica applies far fewer blocks than it writes records; a crash while applying is drawn this many times as often. */
    static final int APPLY_FAULT_FACTOR = 5;
    /**
     * Most ticks before a replica that halted on a store fault, or whose read failed, starts again: a
     * supervisor restarts a halted daemon within seconds, sooner than the crashes of the older fault
     * model come back ({@link Simulation#MAX_DOWN_TICKS}).
     */
    static final int RESTART_TICKS = 20;

    private final SplittableRandom rnd;
    private final double ratePerWrite;
    private final BooleanSupplier inFaultPhase;
    private final EnumMap<StoreFault, Long> counts = new EnumMap<>(StoreFault.class);

    /** @param ratePerWrite chance that one write (or one block applied) fails; 0 turns store faults off */
    StoreFaults(long seed, double ratePerWrite, BooleanSupplier inFaultPhase) {
        this.rnd = new SplittableRandom(seed ^ 0x5702EFA17L);
        this.ratePerWrite = ratePerWrite;
        this.inFaultPhase = inFaultPhase;
        for (StoreFault f : StoreFault.values()) {
            counts.put(f, 0L);
        }
    }

    /** Whether {@code kind} strikes {@code node} now; counted if it does. */
    boolean strikes(StoreFault kind, SimNode node) {
        if (ratePerWrite == 0 || !node.honest() || !inFaultPhase.getAsBoolean()) {
            return false;
        }
        double rate = switch (kind) {
            case READ_FAILS -> READ_FAILS_PER_RESTART;
            case CRASH_BEFORE_CHAIN_WRITE, CRASH_AFTER_CHAIN_WRITE -> ratePerWrite * APPLY_FAULT_FACTOR;
            default -> ratePerWrite;
        };
        if (rnd.nextDouble() >= rate) {
            return false;
        }
        count(kind);
        return true;
    }

    /** Ticks until a replica that halted on a store fault, or whose read failed, starts again. */
    int restartTicks() {
        return 1 + rnd.nextInt(RESTART_TICKS);
    }

    void count(StoreFault kind) {
        counts.merge(kind, 1L, Long::sum);
    }

    Map<StoreFault, Long> counts() {
        return new EnumMap<>(counts);
    }
}
