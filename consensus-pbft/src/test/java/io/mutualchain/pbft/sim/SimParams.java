package io.mutualchain.pbft.sim;

import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.pbft.TestFaults;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything a run depends on, derived from its seed: cluster size n (1 to 10), K, L, fault rates,
 * which validators are Byzantine and how (at most f), the phase lengths, and whether the validator
 * set changes during the run (a third of the seeds: a spare replica joins after checkpoint 2K, then
 * validator 0 leaves after 4K; see {@link Simulation}). Printed on failure.
 */
public record SimParams(long seed, int n, int k, int l, double lossRate, double duplicateRate, int maxDelayTicks,
                        double partitionRate, boolean asymmetric, double crashRate, double crashAfterPersistRate,
                        List<Behaviour> behaviours, int faultTicks, int livenessBoundTicks,
                        int viewChangeTimeoutTicks, int maxViewChangeTimeoutTicks, TestFaults.Fault injected,
                        boolean reconfigure) {

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
                new SplittableRandom(seed ^ 0x5EC0F16L).nextInt(3) == 0);
    }

    public SimParams withReconfiguration(boolean on) {
        return new SimParams(seed, n, k, l, lossRate, duplicateRate, maxDelayTicks, partitionRate, asymmetric, crashRate,
                crashAfterPersistRate, behaviours, faultTicks, livenessBoundTicks, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, injected, on);
    }

    public SimParams withInjected(TestFaults.Fault fault) {
        return new SimParams(seed, n, k, l, lossRate, duplicateRate, maxDelayTicks, partitionRate, asymmetric, crashRate,
                crashAfterPersistRate, behaviours, faultTicks, livenessBoundTicks, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, fault, reconfigure);
    }

    public SimParams withBehaviours(List<Behaviour> b) {
        return new SimParams(seed, b.size(), k, l, lossRate, duplicateRate, maxDelayTicks, partitionRate, asymmetric, crashRate,
                crashAfterPersistRate, List.copyOf(b), faultTicks, livenessBound(maxViewChangeTimeoutTicks, b.size()),
                viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, injected, reconfigure);
    }

    public SimParams withFaults(double loss, double partition, double crash, int ticks) {
        return new SimParams(seed, n, k, l, loss, duplicateRate, maxDelayTicks, partition, asymmetric, crash,
                crashAfterPersistRate, behaviours, ticks, livenessBoundTicks, viewChangeTimeoutTicks, maxViewChangeTimeoutTicks, injected, reconfigure);
    }

    @Override
    public String toString() {
        return "seed=" + seed + " n=" + n + " K=" + k + " L=" + l + " loss=" + String.format("%.3f", lossRate)
                + " dup=" + String.format("%.3f", duplicateRate) + " delay<=" + maxDelayTicks
                + " partition=" + String.format("%.4f", partitionRate) + (asymmetric ? " (asym)" : "")
                + " crash=" + String.format("%.4f", crashRate) + " behaviours=" + behaviours
                + " faultTicks=" + faultTicks + " vcTimeout=" + viewChangeTimeoutTicks + (reconfigure ? " reconfigure" : "")
                + (injected == null ? "" : " BROKEN=" + injected);
    }
}
