package io.mutualchain.node.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.node.config.NodeConfigFile;
import io.mutualchain.node.e2e.HistoryChecker.SplitWindow;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The fault schedule: per cycle, the four faults in an order drawn from the seed, each held for a
 * seeded time and then healed, with a conflicting pair sent across it. After every heal the nodes
 * must commit again within {@link #LIVENESS_BOUND} (check 7); during a 2|2 split nothing may commit
 * anywhere (recorded as a {@link SplitWindow} for the checker). Every step is printed and kept in
 * {@link #log()} so a failure shows what was done, to whom and when.
 */
final class Nemesis {
    enum Fault { ISOLATE_PRIMARY, SPLIT_TWO_TWO, KILL_RESTART, PAUSE_RESUME }

    /** How long a fault is held: the minimum plus up to the span, drawn from the seed. */
    static final long HOLD_MIN_MS = 3_000;
    static final long HOLD_SPAN_MS = 1_500;
    /** After cutting a 2|2 split, commits already in flight may land; the window starts after this. */
    static final long SETTLE_MS = 1_000;
    /** After a heal, every node must reach a new height within this bound. */
    static final Duration LIVENESS_BOUND = Duration.ofSeconds(45);
    /** Most faults one run may inject, whatever the cycle count asks. */
    static final int FAULTS_MAX = 4 * 25;

    private final Cluster cluster;
    private final LinkProxies proxies;
    private final Workload workload;
    private final Iterator<KeyPair> pairSenders;
    private final long seed;
    private final Random random;
    private final int n;
    private final List<SplitWindow> splits = new ArrayList<>();
    private final StringBuilder log = new StringBuilder();
    /** The schedule's times share the history's origin, so the two printouts line up. */
    private final long t0 = History.ORIGIN_NANOS;
    private int pairCount;

    Nemesis(Cluster cluster, LinkProxies proxies, Workload workload, List<KeyPair> pairSenders, long seed, int validators) {
        this.cluster = cluster;
        this.proxies = proxies;
        this.workload = workload;
        this.pairSenders = pairSenders.iterator();
        this.seed = seed;
        this.random = new Random(seed);
        this.n = validators;
    }

    /** The faults of {@code cycles} cycles, each cycle all four in a seeded order. */
    static List<Fault> schedule(long seed, int cycles) {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        List<Fault> out = new ArrayList<>();
        for (int c = 0; c < cycles && out.size() < FAULTS_MAX; c++) {
            List<Fault> cycle = new ArrayList<>(List.of(Fault.values()));
            Collections.shuffle(cycle, r);
            out.addAll(cycle);
        }
        return out;
    }

    /** Conflicting pairs one run of {@code cycles} cycles sends (one calm, one across each fault). */
    static int pairsFor(int cycles) {
        return cycles * (1 + Fault.values().length);
    }

    void run(int cycles) throws Exception {
        List<Fault> faults = schedule(seed, cycles);
        note("schedule (seed " + seed + "): " + faults);
        for (int i = 0; i < faults.size(); i++) {
            if (i % Fault.values().length == 0) {
                int a = random.nextInt(n);
                pair("calm", a, (a + 1 + random.nextInt(n - 1)) % n);
            }
            long hold = HOLD_MIN_MS + (long) (random.nextDouble() * HOLD_SPAN_MS);
            switch (faults.get(i)) {
                case ISOLATE_PRIMARY -> isolatePrimary(hold);
                case SPLIT_TWO_TWO -> split(hold);
                case KILL_RESTART -> killRestart(hold);
                case PAUSE_RESUME -> pauseResume(hold);
            }
        }
    }

    private void isolatePrimary(long hold) throws Exception {
        int primary = primary();
        int other = (primary + 1 + random.nextInt(n - 1)) % n;
        note("isolate primary node" + primary + " for " + hold + " ms");
        proxies.isolate(primary);
        pair("across the isolated primary", primary, other);
        Thread.sleep(SETTLE_MS);
        long alone = cluster.height(primary);
        long rest = maxHeight();
        Thread.sleep(Math.max(0, hold - SETTLE_MS));
        long aloneEnd = cluster.height(primary);
        note("isolation held: node" + primary + " " + alone + " -> " + aloneEnd + ", highest " + rest + " -> " + maxHeight());
        if (aloneEnd > alone) {
            // One node alone can neither commit nor hear of commits: if it moved, the shim leaks.
            throw new AssertionError("node" + primary + " went from height " + alone + " to " + aloneEnd + " while cut off (seed " + seed
                    + ")\n" + log());
        }
        heal();
    }

    private void split(long hold) throws Exception {
        List<Integer> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(i);
        }
        Collections.shuffle(nodes, random);
        List<Integer> sideA = List.copyOf(nodes.subList(0, n / 2));
        List<Integer> sideB = List.copyOf(nodes.subList(n / 2, n));
        note("split " + sideA + " | " + sideB + " for " + hold + " ms");
        proxies.partition(sideA, sideB);
        pair("across the split", sideA.get(0), sideB.get(0));
        Thread.sleep(SETTLE_MS);
        long start = maxHeight();
        Thread.sleep(Math.max(0, hold - SETTLE_MS));
        long end = maxHeight();
        splits.add(new SplitWindow("split " + sideA + " | " + sideB + " (seed " + seed + ")", start, end));
        note("split held: highest height " + start + " -> " + end);
        heal();
    }

    private void killRestart(long hold) throws Exception {
        int victim = random.nextInt(n);
        note("kill -9 node" + victim + ", restart after " + hold + " ms");
        cluster.kill(victim);
        pair("around the killed node", (victim + 1) % n, (victim + 2) % n);
        Thread.sleep(hold);
        cluster.start(victim);
        awaitProgress("node" + victim + " restarted");
    }

    private void pauseResume(long hold) throws Exception {
        int victim = random.nextInt(n);
        note("SIGSTOP node" + victim + " for " + hold + " ms");
        cluster.signal(victim, "STOP");
        try {
            pair("around the paused node", victim, (victim + 1) % n);
            Thread.sleep(hold);
        } finally {
            cluster.signal(victim, "CONT");
        }
        awaitProgress("node" + victim + " resumed");
    }

    private void heal() throws Exception {
        proxies.healAll();
        awaitProgress("healed");
    }

    /** Check 7: every node passes the highest height seen at the heal within the bound. */
    private void awaitProgress(String after) throws Exception {
        long target = maxHeight() + 1;
        long from = System.nanoTime();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        cluster.await("liveness after '" + after + "' (seed " + seed + "): every node at height >= " + target + " within "
                + LIVENESS_BOUND + "\n" + log, LIVENESS_BOUND, () -> all.stream().allMatch(i -> cluster.height(i) >= target));
        note(after + ": all nodes at >= " + target + " after " + (System.nanoTime() - from) / 1_000_000 + " ms");
    }

    private void pair(String when, int a, int b) {
        if (!pairSenders.hasNext()) {
            return;
        }
        String group = "p" + (++pairCount);
        note("conflicting pair " + group + " " + when + ": node" + a + " and node" + b);
        workload.conflictingPair(group, pairSenders.next(), a, b);
    }

    /** The primary of the current view: ValidatorSet.primaryOf(view), the set in genesis order, mapped to a member by its key. */
    private int primary() throws Exception {
        for (int i = 0; i < n; i++) {
            try {
                long view = cluster.status(i).path("view").asLong();
                JsonNode set = cluster.rpc(i).validators().path("validators");
                PublicKey key = PublicKey.of(Hex.decode(set.get((int) Math.floorMod(view, (long) set.size())).path("publicKey").asText()));
                for (int m = 0; m < n; m++) {
                    if (KeyFile.read(NodeConfigFile.read(cluster.members().get(m).config()).keyFile()).publicKey().equals(key)) {
                        return m;
                    }
                }
            } catch (IOException | io.mutualchain.rpc.RpcException unanswered) {
                // ask the next node
            }
        }
        throw new IllegalStateException("no node names the primary (seed " + seed + ")\n" + log);
    }

    private long maxHeight() {
        long max = -1;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, cluster.height(i));
        }
        return max;
    }

    private void note(String what) {
        String line = String.format("[jepsen %6.1fs] %s", (System.nanoTime() - t0) / 1e9, what);
        System.out.println(line);
        synchronized (log) {
            log.append(line).append('\n');
        }
    }

    List<SplitWindow> splits() {
        return List.copyOf(splits);
    }

    String log() {
        synchronized (log) {
            return log.toString();
        }
    }
}
