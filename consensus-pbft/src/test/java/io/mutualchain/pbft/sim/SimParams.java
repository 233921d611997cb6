package io.mutualchain.pbft.sim;

import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.pbft.TestFaults;
import io.mutualchain.pbft.drive.TestLoopFaults;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything a run depends on, derived from its seed: cluster size n (1 to 10), K, L, fault rates,
 * which validators are Byzantine and how (at most f), the phase lengths, and whether the validator
 * set changes during the run (a third of the seeds: a spare replica joins after checkpoint 2K, then
 * validator 0 leaves after 4K; see {@link Simulation}), and the rate of store faults (half of the
 * seeds; see {@link StoreFault}). Printed on failure.
 *
 * @param storeFaultRate chance that one write of consensus records, or one block applied, fails (0: none)
 * @param brokenLoop     a deliberate breach of the driver's contract (null: the real driver)
 */
public record SimParams(long seed, int n, int k, int l, double lossRate, double duplicateRate, int maxDelayTicks,
                        double partitionRate, boolean asymmetric, double crashRate, double crashAfterPersistRate,
                        List<Behaviour> behaviours, int faultTicks, int livenessBoundTicks,
                        int viewChangeTimeoutTicks, int maxViewChangeTimeoutTicks, TestFaults.Fault injected,
                        boolean reconfigure, long clockSkewMs, double storeFaultRate, TestLoopFaults.Fault brokenLoop) {
    /** Highest store-fault rate a seed draws: about one fault of each kind per run. */
    static final double MAX_STORE_FAULT_RATE = 0.002;

    /** Without store faults or a broken loop. */
    public SimParams(long seed, int n, int k, int l, double lossRate, double duplicateRate, int maxDelayTicks,
                     double partitionRate, boolean asymmetric, double crashRate, double crashAfterPersistRate,
                     List<Behaviour> behaviours, int faultTicks, int livenessBoundTicks,
                     int viewChangeTimeoutTicks, int maxViewChangeTimeoutTicks, TestFaults.Fault injected,
                     boolean reconfigure, long clockSkewMs) {
        this(seed, n, k, l, lossRate, duplicateRate, maxDelayTicks, partitionRate, asymmetric, crashRate, crashAfterPersistRate,
                behaviours, faultTicks, livenessBoundTicks, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, injected, reconfigure,
                clockSkewMs, 0, null);
    }

    /** 800 days, the skew of the reproduction. */
    static final long FAR_SKEW_MS = 800L * 24 * 3600 * 1000;

    /** Liveness bound: enough for f + 1 consecutive view changes at the capped timeout, plus catching up. */
    static int livenessBound(int maxTimeout, int n) {
        return 4 * maxTimeout * (ValidatorSet.maxFaulty(n) + 2) + 400;
    }

    public static SimParams fromSeed(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(10);
        int k = 1 + r.nextInt(8);
        int l = k * (1 + r.nextInt(3));
        int f = ValidatorSet.maxFaulty(n);
        List<Behaviour> behaviours = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            behaviours.add(Behaviour.HONEST);
        }
        int byzantine = f == 0 ? 0 : r.nextInt(f + 1);
        Behaviour[] kinds = {Behaviour.SILENT, Behaviour.EQUIVOCATE, Behaviour.REPLAY, Behaviour.FORGE,
                Behaviour.INVALID_PROPOSER, Behaviour.TWIN};
        for (int b = 0; b < byzantine; b++) {
            int who = r.nextInt(n);
            while (behaviours.get(who) != Behaviour.HONEST) {
                who = (who + 1) % n;
            }
            behaviours.set(who, kinds[r.nextInt(kinds.length)]);
        }
        // A separate stream, so that every parameter above stays what it was before skewed clocks existed.
        SplittableRandom clocks = new SplittableRandom(seed ^ 0xC10C4L);
        // Always beyond PRECISION (a CLOCK_BEHIND replica adds MSGDELAY): a faulty clock, not a sloppy one.
        long skew = clocks.nextBoolean() ? FAR_SKEW_MS : Simulation.PRECISION_MS + 1 + clocks.nextInt(5 * (Simulation.PRECISION_MS + Simulation.MESSAGE_DELAY_MS));
        if (byzantine < f && clocks.nextInt(3) == 0) {
            int who = clocks.nextInt(n);
            while (behaviours.get(who) != Behaviour.HONEST) {
                who = (who + 1) % n;
            }
            behaviours.set(who, clocks.nextBoolean() ? Behaviour.CLOCK_AHEAD : Behaviour.CLOCK_BEHIND);
        }
        int vcTimeout = 15 + r.nextInt(15);
        int maxTimeout = vcTimeout * 4;
        return new SimParams(seed, n, k, l,
                r.nextDouble() * 0.25,
                r.nextDouble() * 0.1,
                1 + r.nextInt(5),
                r.nextDouble() < 0.5 ? r.nextDouble() * 0.02 : 0,
                r.nextBoolean(),
                r.nextDouble() < 0.5 ? r.nextDouble() * 0.01 : 0,
                r.nextDouble() * 0.3,
                List.copyOf(behaviours),
                150 + r.nextInt(250),
                livenessBound(maxTimeout, n),
                vcTimeout, maxTimeout, null,
                // A separate stream, so that the parameters above are what they were before reconfiguration existed.
                new SplittableRandom(seed ^ 0x5EC0F16L).nextInt(3) == 0, skew, storeFaultRate(seed), null);
    }

    /** From its own stream, so that every other parameter of a seed is what it was before store faults existed. */
    private static double storeFaultRate(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5702EL);
        return r.nextBoolean() ? MAX_STORE_FAULT_RATE * (0.25 + 0.75 * r.nextDouble()) : 0;
    }

    public SimParams withReconfiguration(boolean on) {
        return new SimParams(seed, n, k, l, lossRate, duplicateRate, maxDelayTicks, partitionRate, asymmetric, crashRate,
                crashAfterPersistRate, behaviours, faultTicks, livenessBoundTicks, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, injected, on, clockSkewMs, storeFaultRate, brokenLoop);
    }

    public SimParams withInjected(TestFaults.Fault fault) {
        return new SimParams(seed, n, k, l, lossRate, duplicateRate, maxDelayTicks, partitionRate, asymmetric, crashRate,
                crashAfterPersistRate, behaviours, faultTicks, livenessBoundTicks, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, fault, reconfigure, clockSkewMs, storeFaultRate, brokenLoop);
    }

    public SimParams withBehaviours(List<Behaviour> b) {
        return new SimParams(seed, b.size(), k, l, lossRate, duplicateRate, maxDelayTicks, partitionRate, asymmetric, crashRate,
                crashAfterPersistRate, List.copyOf(b), faultTicks, livenessBound(maxViewChangeTimeoutTicks, b.size()),
                viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, injected, reconfigure, clockSkewMs, storeFaultRate, brokenLoop);
    }

    public SimParams withFaults(double loss, double partition, double crash, int ticks) {
        return new SimParams(seed, n, k, l, loss, duplicateRate, maxDelayTicks, partition, asymmetric, crash,
                crashAfterPersistRate, behaviours, ticks, livenessBoundTicks, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, injected, reconfigure, clockSkewMs,
                storeFaultRate, brokenLoop);
    }

    public SimParams withStoreFaults(double rate) {
        return new SimParams(seed, n, k, l, lossRate, duplicateRate, maxDelayTicks, partitionRate, asymmetric, crashRate,
                crashAfterPersistRate, behaviours, faultTicks, livenessBoundTicks, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, injected,
                reconfigure, clockSkewMs, rate, brokenLoop);
    }

    public SimParams withBrokenLoop(TestLoopFaults.Fault fault) {
        return new SimParams(seed, n, k, l, lossRate, duplicateRate, maxDelayTicks, partitionRate, asymmetric, crashRate,
                crashAfterPersistRate, behaviours, faultTicks, livenessBoundTicks, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, injected,
                reconfigure, clockSkewMs, storeFaultRate, fault);
    }

    @Override
    public String toString() {
        return "seed=" + seed + " n=" + n + " K=" + k + " L=" + l + " loss=" + String.format("%.3f", lossRate)
                + " dup=" + String.format("%.3f", duplicateRate) + " delay<=" + maxDelayTicks
                + " partition=" + String.format("%.4f", partitionRate) + (asymmetric ? " (asym)" : "")
                + " crash=" + String.format("%.4f", crashRate) + " behaviours=" + behaviours
                + (behaviours.contains(Behaviour.CLOCK_AHEAD) || behaviours.contains(Behaviour.CLOCK_BEHIND) ? " clockSkewMs=" + clockSkewMs : "")
                + " faultTicks=" + faultTicks + " vcTimeout=" + viewChangeTimeoutTicks + (reconfigure ? " reconfigure" : "")
                + (storeFaultRate == 0 ? "" : " storeFaults=" + String.format("%.5f", storeFaultRate))
                + (injected == null ? "" : " BROKEN=" + injected) + (brokenLoop == null ? "" : " BROKEN-LOOP=" + brokenLoop);
    }
}
