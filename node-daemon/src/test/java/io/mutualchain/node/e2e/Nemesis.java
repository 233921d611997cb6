package io.mutualchain.node.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.node.config.NodeConfigFile;
import io.mutualchain.node.e2e.HistoryChecker.SplitWindow;
import io.mutualchain.rpc.ChainJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The fault schedule: per cycle, every fault kind of the run's profile in an order drawn from the
 * seed, each held for a seeded time and then healed, with a conflicting pair sent across it. After every heal the nodes
 * must commit again within {@link #LIVENESS_BOUND} (check 7); during a 2|2 split nothing may commit
 * anywhere (recorded as a {@link SplitWindow} for the checker). Every step is printed and kept in
 * {@link #log()} so a failure shows what was done, to whom and when.
 */
final class Nemesis {
    enum Fault {
        /** Cut the current primary off from every other node. */
        ISOLATE_PRIMARY,
        /** Split the nodes in two halves, neither holding a quorum (2|2 for four). */
        SPLIT_TWO_TWO,
        /** kill -9 one node (up to f with more validators) and restart it. */
        KILL_RESTART,
        /** SIGSTOP one node, then SIGCONT. */
        PAUSE_RESUME,
        /** Isolate the primary, wait until a node has moved to a higher view, then kill -9 the old or the new primary. */
        KILL_IN_VIEW_CHANGE,
        /** Cut a minority (f validators) off, kill -9 one of them, heal, restart it after the heal. */
        KILL_IN_MINORITY,
        /** kill -9 every node at once and restart them all: no node's height may go back. */
        FULL_RESTART,
        /** One direction only: bytes i -> j dropped (or i's dial to j refused, or the primary muted), j -> i open. */
        ASYMMETRIC,
        /** Every chunk on the links of some nodes held for a seeded delay. */
        DELAY,
        /** The links of one node cut and healed every few hundred ms, a bounded number of times. */
        FLAP
    }

    /** The kinds of the CI run, as before the wider ones existed (kept at about 35-45 s). */
    static final List<Fault> BASE_KINDS = List.of(Fault.ISOLATE_PRIMARY, Fault.SPLIT_TWO_TWO, Fault.KILL_RESTART, Fault.PAUSE_RESUME);

    /** How long a fault is held: the minimum plus up to the span, drawn from the seed. */
    static final long HOLD_MIN_MS = 3_000;
    static final long HOLD_SPAN_MS = 1_500;
    /** After cutting a 2|2 split, commits already in flight may land; the window starts after this. */
    static final long SETTLE_MS = 1_000;
    /** After a heal, every node must reach a new height within this bound. */
    static final Duration LIVENESS_BOUND = Duration.ofSeconds(45);
    /** Most faults one run may inject, whatever the cycle count asks. */
    static final int FAULTS_MAX = Fault.values().length * 25;
    /** Longest wait for some node to leave the isolated primary's view. */
    static final Duration VIEW_CHANGE_WAIT = Duration.ofSeconds(30);
    /** Delay range for {@link Fault#DELAY}: the minimum plus up to the span. */
    static final long DELAY_MIN_MS = 50;
    static final long DELAY_SPAN_MS = 450;
    /** A flapping link changes state every period (the minimum plus up to the span), at most this many times. */
    static final long FLAP_PERIOD_MIN_MS = 200;
    static final long FLAP_PERIOD_SPAN_MS = 200;
    static final int FLAPS_MAX = 20;
    /** Shuffles tried to find a split where no side holds a quorum of the current set. */
    static final int SPLIT_ATTEMPTS_MAX = 100;

    private final Cluster cluster;
    private final LinkProxies proxies;
    private final Workload workload;
    private final Iterator<KeyPair> pairSenders;
    private final long seed;
    private final Random random;
    private final int n;
    private final List<Fault> kinds;
    /** Each member's validator key, to map the set's order (and so the primary) to members. */
    private final List<PublicKey> memberKeys = new ArrayList<>();
    private final List<SplitWindow> splits = new ArrayList<>();
    private final StringBuilder log = new StringBuilder();
    /** The schedule's times share the history's origin, so the two printouts line up. */
    private final long t0 = History.ORIGIN_NANOS;
    private int pairCount;

    /**
     * @param members the nodes under fault (members 0 .. members-1, every one behind the shim)
     * @param kinds   the fault kinds each cycle draws from
     */
    Nemesis(Cluster cluster, LinkProxies proxies, Workload workload, List<KeyPair> pairSenders, long seed, int members, List<Fault> kinds)
            throws IOException {
        this.kinds = List.copyOf(kinds);
        for (int m = 0; m < members; m++) {
            memberKeys.add(KeyFile.read(NodeConfigFile.read(cluster.members().get(m).config()).keyFile()).publicKey());
        }
        this.cluster = cluster;
        this.proxies = proxies;
        this.workload = workload;
        this.pairSenders = pairSenders.iterator();
        this.seed = seed;
        this.random = new Random(seed);
        this.n = members;
    }

    /** The faults of {@code cycles} cycles, each cycle every kind once in a seeded order. */
    static List<Fault> schedule(long seed, int cycles, List<Fault> kinds) {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        List<Fault> out = new ArrayList<>();
        for (int c = 0; c < cycles && out.size() < FAULTS_MAX; c++) {
            List<Fault> cycle = new ArrayList<>(kinds);
            Collections.shuffle(cycle, r);
            out.addAll(cycle);
        }
        return out;
    }

    /** Conflicting pairs one run of {@code cycles} cycles sends (one calm, one across each fault). */
    static int pairsFor(int cycles, List<Fault> kinds) {
        return cycles * (1 + kinds.size());
    }

    void run(int cycles) throws Exception {
        List<Fault> faults = schedule(seed, cycles, kinds);
        note("schedule (seed " + seed + "): " + faults);
        for (int i = 0; i < faults.size(); i++) {
            if (i % kinds.size() == 0) {
                int a = random.nextInt(n);
                pair("calm", a, (a + 1 + random.nextInt(n - 1)) % n);
            }
            long hold = HOLD_MIN_MS + (long) (random.nextDouble() * HOLD_SPAN_MS);
            switch (faults.get(i)) {
                case ISOLATE_PRIMARY -> isolatePrimary(hold);
                case SPLIT_TWO_TWO -> split(hold);
                case KILL_RESTART -> killRestart(hold);
                case PAUSE_RESUME -> pauseResume(hold);
                case KILL_IN_VIEW_CHANGE -> killInViewChange(hold);
                case KILL_IN_MINORITY -> killInMinority(hold);
                case FULL_RESTART -> fullRestart(hold);
                case ASYMMETRIC -> asymmetric(hold);
                case DELAY -> delay(hold);
                case FLAP -> flap(hold);
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
        CurrentSet set = currentSet();
        List<Integer> sideA = null;
        List<Integer> sideB = null;
        for (int attempt = 0; attempt < SPLIT_ATTEMPTS_MAX && sideA == null; attempt++) {
            Collections.shuffle(nodes, random);
            List<Integer> a = List.copyOf(nodes.subList(0, n / 2));
            List<Integer> b = List.copyOf(nodes.subList(n / 2, n));
            // With an observer among the nodes, a shuffle can give one side a quorum; such a split is no 2|2 and is drawn again.
            if (set.votesIn(a) < set.quorum() && set.votesIn(b) < set.quorum()) {
                sideA = a;
                sideB = b;
            }
        }
        if (sideA == null) {
            throw new IllegalStateException("no split without a quorum side in " + SPLIT_ATTEMPTS_MAX + " shuffles (seed " + seed + ")");
        }
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
        List<Integer> victims = new ArrayList<>(List.of(victim));
        int f = currentSet().maxFaulty();
        if (f > 1) {
            // With seven validators (f = 2) up to two go down together.
            int extra = random.nextInt(f);
            for (int k = 1; k <= extra; k++) {
                victims.add((victim + k) % n);
            }
        }
        note("kill -9 node(s) " + victims + ", restart after " + hold + " ms");
        for (int v : victims) {
            cluster.kill(v);
        }
        pair("around the killed node", (victim + victims.size()) % n, (victim + victims.size() + 1) % n);
        Thread.sleep(hold);
        for (int v : victims) {
            cluster.start(v);
        }
        cluster.awaitAnswering(victims);
        awaitProgress("node(s) " + victims + " restarted");
    }

    /**
     * Kill -9 while a view change is under way: the primary is isolated until some other node reports
     * a higher view (it has sent VIEW-CHANGE, or already holds NEW-VIEW), then the old primary or the
     * primary of that higher view is killed; the isolation is held, healed, and the victim restarted.
     */
    private void killInViewChange(long hold) throws Exception {
        long view0 = workingView();
        int old = primaryOf(view0);
        long[] start = new long[n];
        for (int i = 0; i < n; i++) {
            start[i] = view(i);
        }
        note("isolate primary node" + old + " (view " + view0 + ", views " + java.util.Arrays.toString(start) + ") until a view change starts");
        proxies.isolate(old);
        pair("across the view change", (old + 1) % n, (old + 2) % n);
        long[] seen = {-1, -1};
        // A node already above view0 before the cut (alone in an older view change) does not count: it must move now.
        cluster.await("a node other than node" + old + " moving past view " + view0 + " (seed " + seed + ")\n" + log(), VIEW_CHANGE_WAIT, () -> {
            for (int i = 0; i < n; i++) {
                long v = view(i);
                if (i != old && v > view0 && v > start[i]) {
                    seen[0] = i;
                    seen[1] = v;
                    return true;
                }
            }
            return false;
        });
        int next = primaryOf(seen[1]);
        boolean killNew = random.nextBoolean() && next != old;
        int victim = killNew ? next : old;
        note("node" + seen[0] + " is at view " + seen[1] + " (primary node" + next + "): kill -9 the " + (killNew ? "new" : "old")
                + " primary node" + victim + ", hold " + hold + " ms");
        cluster.kill(victim);
        Thread.sleep(hold);
        proxies.healAll();
        cluster.start(victim);
        cluster.awaitAnswering(List.of(victim));
        awaitProgress("healed, node" + victim + " restarted");
    }

    /** A minority (f validators) cut off; one of them is killed during the cut and restarted only after the heal. */
    private void killInMinority(long hold) throws Exception {
        CurrentSet set = currentSet();
        List<Integer> voters = new ArrayList<>(set.members());
        Collections.shuffle(voters, random);
        List<Integer> minority = List.copyOf(voters.subList(0, Math.max(1, set.maxFaulty())));
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!minority.contains(i)) {
                rest.add(i);
            }
        }
        int victim = minority.get(random.nextInt(minority.size()));
        note("cut minority " + minority + " | " + rest + ", kill -9 node" + victim + " in it, hold " + hold + " ms");
        proxies.partition(minority, rest);
        pair("across the minority cut", rest.get(0), minority.size() > 1 ? minority.get(minority.get(0) == victim ? 1 : 0) : rest.get(1));
        Thread.sleep(SETTLE_MS);
        cluster.kill(victim);
        long before = maxHeight();
        Thread.sleep(Math.max(0, hold - SETTLE_MS));
        note("minority cut held: highest height " + before + " -> " + maxHeight());
        proxies.healAll();
        note("healed; restarting node" + victim);
        cluster.start(victim);
        cluster.awaitAnswering(List.of(victim));
        awaitProgress("node" + victim + " restarted after the heal");
    }

    /**
     * Every node killed at once and restarted: whatever a node reported as committed before the kill
     * must still be there when it answers again (its first answered height is at least the last one read).
     */
    private void fullRestart(long hold) throws Exception {
        long[] before = new long[n];
        for (int i = 0; i < n; i++) {
            before[i] = cluster.height(i);
        }
        note("kill -9 every node (heights " + java.util.Arrays.toString(before) + "), restart after " + hold + " ms");
        cluster.killAll();
        Thread.sleep(hold);
        cluster.startAll();
        long[] after = new long[n];
        java.util.Arrays.fill(after, -1);
        cluster.await("every node answering after the full restart (seed " + seed + ")\n" + log(), LIVENESS_BOUND, () -> {
            for (int i = 0; i < n; i++) {
                if (after[i] < 0) {
                    after[i] = cluster.height(i);
                }
            }
            return java.util.Arrays.stream(after).allMatch(h -> h >= 0);
        });
        note("first heights after the restart " + java.util.Arrays.toString(after));
        for (int i = 0; i < n; i++) {
            if (after[i] < before[i]) {
                throw new AssertionError("node" + i + " reported height " + before[i] + " before the full restart and " + after[i]
                        + " after it (seed " + seed + ")\n" + log());
            }
        }
        pair("after the full restart", random.nextInt(n), random.nextInt(n));
        awaitProgress("full restart");
    }

    /** One direction of traffic lost while the other still flows: a one-way byte drop, a refused dial, or a muted primary. */
    private void asymmetric(long hold) throws Exception {
        int i = random.nextInt(n);
        int j = (i + 1 + random.nextInt(n - 1)) % n;
        switch (random.nextInt(3)) {
            case 0 -> {
                note("drop every byte node" + i + " -> node" + j + " (node" + j + " -> node" + i + " open) for " + hold + " ms");
                proxies.dropOneWay(i, j);
            }
            case 1 -> {
                note("refuse node" + i + "'s dial to node" + j + " (node" + j + " may still dial node" + i + ") for " + hold + " ms");
                proxies.cutDial(i, j);
            }
            default -> {
                i = primary();
                j = (i + 1) % n;
                note("mute primary node" + i + ": every byte it sends dropped, it still hears everyone, for " + hold + " ms");
                for (int k = 0; k < n; k++) {
                    if (k != i) {
                        proxies.dropOneWay(i, k);
                    }
                }
            }
        }
        pair("across the one-way cut", i, j);
        Thread.sleep(hold);
        heal();
    }

    /** A slow network: every chunk on the links of one node (or of all nodes) held for a seeded time. */
    private void delay(long hold) throws Exception {
        long ms = DELAY_MIN_MS + (long) (random.nextDouble() * DELAY_SPAN_MS);
        List<Integer> slow = new ArrayList<>();
        if (random.nextBoolean()) {
            slow.add(random.nextInt(n));
        } else {
            for (int k = 0; k < n; k++) {
                slow.add(k);
            }
        }
        note("delay every chunk on the links of " + slow + " by " + ms + " ms for " + hold + " ms");
        proxies.delay(slow, ms);
        pair("across the delay", slow.get(0), (slow.get(0) + 1) % n);
        Thread.sleep(hold);
        heal();
    }

    /** The links of one node cut and healed in turn, at most {@link #FLAPS_MAX} times within the hold. */
    private void flap(long hold) throws Exception {
        int victim = random.nextInt(n);
        long period = FLAP_PERIOD_MIN_MS + (long) (random.nextDouble() * FLAP_PERIOD_SPAN_MS);
        int flaps = (int) Math.min(FLAPS_MAX, hold / period);
        note("flap the links of node" + victim + " every " + period + " ms, " + flaps + " times");
        pair("across the flapping node", victim, (victim + 1) % n);
        for (int k = 0; k < flaps; k++) {
            if (k % 2 == 0) {
                proxies.isolate(victim);
            } else {
                proxies.healAll();
            }
            Thread.sleep(period);
        }
        heal();
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

    /** The primary of the view most nodes report, as a member index. */
    private int primary() throws Exception {
        return primaryOf(workingView());
    }

    /** The member whose key the current set names for {@code view} (ValidatorSet.primaryOf). */
    private int primaryOf(long view) throws Exception {
        PublicKey key = currentSet().set().primaryOf(view);
        int m = memberKeys.indexOf(key);
        if (m < 0) {
            throw new IllegalStateException("the primary of view " + view + " is no member under fault (seed " + seed + ")\n" + log);
        }
        return m;
    }

    /**
     * The view most validators of the current set answer with (the lower one on a tie; an observer has no view). Not the highest: a replica that timed out
     * alone (one restarted before its peers were up, say) sits in a higher view, waiting, while the others
     * keep committing in theirs (docs/consensus.md §6); its view names no working primary.
     */
    private long workingView() throws Exception {
        java.util.SortedMap<Long, Integer> votes = new java.util.TreeMap<>();
        for (int i : currentSet().members()) {
            long v = view(i);
            if (v >= 0) {
                votes.merge(v, 1, Integer::sum);
            }
        }
        if (votes.isEmpty()) {
            throw new IllegalStateException("no node answers mc_status (seed " + seed + ")\n" + log);
        }
        long best = votes.firstKey();
        for (var e : votes.entrySet()) {
            if (e.getValue() > votes.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    private long view(int i) {
        try {
            return cluster.status(i).path("view").asLong();
        } catch (IOException | io.mutualchain.rpc.RpcException unanswered) {
            return -1;
        }
    }

    /** The validator set in force at the head of the first node that answers, with its members. */
    private CurrentSet currentSet() throws Exception {
        for (int i = 0; i < n; i++) {
            try {
                JsonNode list = cluster.rpc(i).validators().path("validators");
                ValidatorSet set = ChainJson.validators(list);
                List<Integer> members = new ArrayList<>();
                for (int m = 0; m < n; m++) {
                    if (set.contains(memberKeys.get(m))) {
                        members.add(m);
                    }
                }
                return new CurrentSet(set, members);
            } catch (IOException | io.mutualchain.rpc.RpcException unanswered) {
                // ask the next node
            }
        }
        throw new IllegalStateException("no node names the validator set (seed " + seed + ")\n" + log);
    }

    /** A validator set and the members that hold its keys. */
    private record CurrentSet(ValidatorSet set, List<Integer> members) {
        int quorum() {
            return set.quorum();
        }

        int maxFaulty() {
            return set.maxFaulty();
        }

        int votesIn(List<Integer> side) {
            return (int) side.stream().filter(members::contains).count();
        }
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
