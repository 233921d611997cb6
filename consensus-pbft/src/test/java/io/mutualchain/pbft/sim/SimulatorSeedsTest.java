package io.mutualchain.pbft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs many seeds. Default (CI): {@link #CI_SEEDS} seeds from 1. -Dsim.seed=S replays one seed;
 * -Dsim.seeds=N -Dsim.from=S runs N seeds from S (the long soak). Every failure prints its seed.
 * With -Dsim.seed=S, -Dsim.trace=/path/file writes every delivery and commit of that run.
 */
class SimulatorSeedsTest {
    static final int CI_SEEDS = 2000;
    /** Progress line every this many seeds, for long soaks. */
    static final int PROGRESS_EVERY = 1000;
    /** Each store fault kind must strike in more than one seed in this many (it is drawn for half of them). */
    static final int MIN_SHARE_OF_SEEDS = 10;

    static long prop(String name, long dflt) {
        String v = System.getProperty(name);
        return v != null && v.matches("-?\\d+") ? Long.parseLong(v) : dflt;
    }

    @Test
    void everySeedKeepsSafetyAndRecoversLivenessAfterTheFaultsStop() throws java.io.IOException {
        long single = prop("sim.seed", -1);
        long from = single >= 0 ? single : prop("sim.from", 1);
        long count = single >= 0 ? 1 : prop("sim.seeds", CI_SEEDS);
        CachingVerifier verifier = new CachingVerifier();
        List<String> failures = new ArrayList<>();
        long commits = 0;
        long slowestRecovery = 0;
        long slowestSeed = -1;
        long reconfiguring = 0;
        long bothChanges = 0;
        long skewedSeeds = 0;
        long skewedPrimarySeeds = 0;
        long untimely = 0;
        long storeFaultSeeds = 0;
        Map<StoreFault, Long> faultsStruck = new EnumMap<>(StoreFault.class);
        Map<StoreFault, Long> seedsStruck = new EnumMap<>(StoreFault.class);
        for (StoreFault f : StoreFault.values()) {
            faultsStruck.put(f, 0L);
            seedsStruck.put(f, 0L);
        }
        for (long s = from; s < from + count; s++) {
            try {
                Simulation sim = new Simulation(SimParams.fromSeed(s), verifier);
                String tracePath = System.getProperty("sim.trace");
                java.io.PrintWriter trace = single >= 0 && tracePath != null ? new java.io.PrintWriter(tracePath) : null;
                if (trace != null) {
                    sim.trace(trace::println);
                }
                Simulation.Result r;
                try {
                    r = sim.run();
                } finally {
                    if (trace != null) {
                        trace.close();
                    }
                }
                commits += r.honestMinHeight();
                if (r.params().reconfigure()) {
                    reconfiguring++;
                    bothChanges += r.epochSwitches() == 2 ? 1 : 0;
                }
                if (r.params().behaviours().contains(Behaviour.CLOCK_AHEAD) || r.params().behaviours().contains(Behaviour.CLOCK_BEHIND)) {
                    skewedSeeds++;
                    skewedPrimarySeeds += r.skewedProposals() > 0 ? 1 : 0;
                }
                untimely += r.untimelyRefusals();
                storeFaultSeeds += r.params().storeFaultRate() > 0 ? 1 : 0;
                for (Map.Entry<StoreFault, Long> e : r.storeFaults().entrySet()) {
                    faultsStruck.merge(e.getKey(), e.getValue(), Long::sum);
                    seedsStruck.merge(e.getKey(), e.getValue() > 0 ? 1L : 0L, Long::sum);
                }
                if (r.livenessTicks() > slowestRecovery) {
                    slowestRecovery = r.livenessTicks();
                    slowestSeed = s;
                }
                if ((s - from + 1) % PROGRESS_EVERY == 0) {
                    System.out.println("simulator: " + (s - from + 1) + " seeds done, " + failures.size() + " failed");
                }
            } catch (SimulationFailure e) {
                System.err.println(e.getMessage());
                failures.add(e.getMessage());
                if (failures.size() >= 20) {
                    break;
                }
            }
        }
        System.out.println("simulator: " + count + " seeds from " + from + ", " + failures.size() + " failed, honest commits (min per run, summed) "
                + commits + ", slowest recovery after the heal " + slowestRecovery + " ticks (seed " + slowestSeed + "); "
                + reconfiguring + " seeds changed the validator set, in " + bothChanges + " every honest replica passed both changes; "
                + skewedSeeds + " seeds had a replica with a skewed clock, in " + skewedPrimarySeeds + " it proposed as primary; "
                + untimely + " proposals refused as untimely by honest replicas; " + storeFaultSeeds + " seeds had store faults, struck "
                + faultsStruck + " in seeds " + seedsStruck);
        assertThat(failures).isEmpty();
        if (count >= CI_SEEDS) {
            // The reconfiguration scenario must really run, not end before its first change.
            assertThat(bothChanges).as("seeds in which every honest replica passed both validator-set changes")
                    .isGreaterThan(reconfiguring / 2);
            // The skewed-clock primary must really lead in a good share of the runs, not only sit as a backup.
            assertThat(skewedPrimarySeeds).as("seeds in which a replica with a skewed clock proposed").isGreaterThan(count / 20);
            // Every kind of store fault must really strike in a fair share of the runs, not silently stop being injected.
            for (StoreFault f : StoreFault.values()) {
                assertThat(seedsStruck.get(f)).as("seeds in which the store fault " + f + " struck").isGreaterThan(count / MIN_SHARE_OF_SEEDS);
            }
        }
    }
}
