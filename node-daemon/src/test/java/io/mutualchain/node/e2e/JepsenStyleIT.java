package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.GenesisFile;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.node.config.NodeConfigFile;
import io.mutualchain.node.e2e.History.Op;
import io.mutualchain.node.e2e.History.Outcome;
import io.mutualchain.node.e2e.HistoryChecker.Violation;
import io.mutualchain.rpc.RpcClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Jepsen-style run on four real validator processes whose every link goes through a TCP shim
 * ({@link LinkProxies}): one client per node sends transfers and reads heads while the
 * {@link Nemesis} isolates the primary, splits the validators 2|2, kills one with SIGKILL and
 * restarts it, and pauses one with SIGSTOP, with conflicting pairs (one nonce signed twice) sent to
 * two nodes across each fault. After the last heal the recorded history and every node's chain go
 * through {@link HistoryChecker}; a failure prints the seed, the schedule and the history excerpt.
 *
 * <p>{@code -Djepsen.seed=S} replays a schedule, {@code -Djepsen.cycles=C} runs C cycles (default 1),
 * {@code -Djepsen.profile=P} picks the nodes and the fault kinds ({@link Profile}; default {@code ci},
 * the four faults above, about 35-45 s; see docs/testing.md).
 */
class JepsenStyleIT {
    private static final long SEED = Long.getLong("jepsen.seed", 20261124L);
    private static final int CYCLES = Math.max(1, Math.min(25, Integer.getInteger("jepsen.cycles", 1)));
    private static final Profile PROFILE = Profile.valueOf(System.getProperty("jepsen.profile", "ci").toUpperCase(java.util.Locale.ROOT));
    /** Nodes under fault, each behind the shim and with a client of its own: the validators, plus the observer voted in. */
    private static final int MEMBERS = PROFILE.validators + PROFILE.observers;

    /**
     * Which nodes run and which fault kinds each cycle draws from. {@code ci} is the CI default;
     * {@code wide} adds the view-change kill, the minority kill, the full restart, the one-way cut, the
     * delay and the flapping link; {@code seven} runs those on seven validators (f = 2); {@code reconfig}
     * runs them on four validators and an observer that three validators vote in with
     * {@code gov add-validator} while the faults run (checkpoint every 10 blocks).
     */
    enum Profile {
        CI(4, 0, Nemesis.BASE_KINDS),
        WIDE(4, 0, List.of(Nemesis.Fault.values())),
        SEVEN(7, 0, List.of(Nemesis.Fault.values())),
        RECONFIG(4, 1, List.of(Nemesis.Fault.values()));

        final int validators;
        final int observers;
        final List<Nemesis.Fault> kinds;

        Profile(int validators, int observers, List<Nemesis.Fault> kinds) {
            this.validators = validators;
            this.observers = observers;
            this.kinds = kinds;
        }
    }

    /** Checkpoint interval of the reconfig profile: a voted set takes over after the next multiple of it. */
    private static final int RECONFIG_CHECKPOINT_INTERVAL = 10;
    /** The vote starts this long (plus up to the span, seeded) after the workload, so it lands among the faults. */
    private static final long VOTE_START_MIN_MS = 2_000;
    private static final long VOTE_START_SPAN_MS = 8_000;
    /** CLI attempts the vote may take in all (a voter's node can be down or cut off). */
    private static final int VOTE_ATTEMPTS_MAX = 24;
    /** Funds of each validator's own account: votes pay the base fee like any transaction. */
    private static final long VOTER_FUNDS = 10 * Mtn.UNIT;
    private static final int SENDERS_PER_CLIENT = 2;
    private static final int RECIPIENTS = 4;
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final long SENDER_FUNDS = 10 * Mtn.UNIT;
    /** A pair's sender holds enough for one half of the pair, not for both. */
    private static final long PAIR_SENDER_FUNDS = Mtn.UNIT;
    /** Fewest acknowledged transfers for a run to count: a run where nothing committed proves nothing. */
    private static final int ACKED_MIN = 20;

    /** Ops shown when a run fails before the checkers (a liveness bound, a leaking shim). */
    private static final int TAIL_OPS = 30;

    @TempDir
    Path tmp;

    private final History history = new History();

    @Test
    void partitionsCrashesPausesAndConflictingWritesLeaveOneCorrectLedgerOnEveryNode() throws Exception {
        long started = System.nanoTime();
        try (Cluster c = Cluster.create(tmp.resolve("net"), PROFILE.validators, PROFILE.observers, testnetArgs());
             LinkProxies proxies = LinkProxies.install(c, MEMBERS)) {
            try {
                run(c, proxies);
            } catch (Throwable t) {
                Path logs = Path.of("target", "it-logs", getClass().getSimpleName());
                c.saveLogs(logs);
                List<Op> ops = history.ops();
                throw new AssertionError("seed " + SEED + ", cycles " + CYCLES + ", profile " + PROFILE + ": " + t.getMessage() + " (whole node logs in "
                        + logs.toAbsolutePath() + ")\nlast " + TAIL_OPS + " ops:\n"
                        + History.excerpt(ops.subList(Math.max(0, ops.size() - TAIL_OPS), ops.size()), List.of(), TAIL_OPS), t);
            }
        } finally {
            System.out.printf("[jepsen] seed %d, %d cycle(s), profile %s: %.1f s%n", SEED, CYCLES, PROFILE, (System.nanoTime() - started) / 1e9);
        }
    }

    private void run(Cluster c, LinkProxies proxies) throws Exception {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            all.add(i);
        }
        c.startAll();
        c.awaitAnswering(all);
        c.awaitHeight(all, 1, STEP);
        RpcClient rpc = c.rpc(0);
        String chainId = rpc.chainId();
        long baseFee = GenesisFile.read(NodeConfigFile.read(c.members().get(0).config()).genesisFile()).params().baseFee();
        long maxFee = Mtn.parse("0.01");

        List<List<KeyPair>> senders = new ArrayList<>();
        List<KeyPair> pairSenders = new ArrayList<>();
        List<Address> recipients = new ArrayList<>();
        Map<Address, Long> funding = new TreeMap<>();
        for (int i = 0; i < MEMBERS; i++) {
            List<KeyPair> mine = new ArrayList<>();
            for (int k = 0; k < SENDERS_PER_CLIENT; k++) {
                KeyPair s = KeyPair.generate();
                mine.add(s);
                funding.put(s.address(), SENDER_FUNDS);
            }
            senders.add(mine);
        }
        for (int p = 0; p < Nemesis.pairsFor(CYCLES, PROFILE.kinds); p++) {
            KeyPair s = KeyPair.generate();
            pairSenders.add(s);
            funding.put(s.address(), PAIR_SENDER_FUNDS);
        }
        for (int r = 0; r < RECIPIENTS; r++) {
            recipients.add(KeyPair.generate().address());
        }
        KeyPair faucet = KeyFile.read(c.faucetKey());
        fund(rpc, chainId, faucet, maxFee, funding);
        Map<Address, Long> voterFunds = new TreeMap<>();
        if (PROFILE.observers > 0) {
            // Not tracked: a validator's account also earns fees as proposer, which the replay does not model.
            for (int v = 0; v < PROFILE.validators; v++) {
                voterFunds.put(memberKey(c, v).address(), VOTER_FUNDS);
            }
            fund(rpc, chainId, faucet, maxFee, voterFunds);
        }

        Nemesis nemesis;
        VoteIn vote = null;
        try (Workload workload = new Workload(c, history, chainId, maxFee, recipients, CYCLES)) {
            workload.start(senders, SEED);
            nemesis = new Nemesis(c, proxies, workload, pairSenders, SEED, MEMBERS, PROFILE.kinds);
            if (PROFILE.observers > 0) {
                vote = new VoteIn(c, PROFILE.validators, SEED);
                vote.start();
            }
            nemesis.run(CYCLES);
            workload.stop();
            workload.awaitPairs();
        }
        if (vote != null) {
            vote.awaitVotedIn(nemesis.log());
        }

        // Check 7 after the last heal: a fresh transfer commits, and every node reaches every acknowledged height.
        // From the faucet: the clients' senders may still have transactions pending somewhere.
        KeyPair probeSender = faucet;
        long probeNonce = rpc.account(probeSender.address()).nonce();
        Transaction probe = Transaction.sign(chainId, probeSender, probeNonce, maxFee, new Transfer(recipients.get(2), 1));
        long probeSubmit = System.nanoTime();
        rpc.sendRawTransaction(probe.encode());
        var receipt = rpc.waitForReceipt(probe.id(), Nemesis.LIVENESS_BOUND);
        history.add(Op.ok(200, c.members().get(0).name(), probe.id().toString(), probeSender.address().toString(), probeNonce, probeSubmit,
                System.nanoTime(), receipt.path("height").asLong(), receipt.path("index").asInt(),
                receipt.path("blockHash").asText().toLowerCase(java.util.Locale.ROOT), null));
        long target = Math.max(c.height(0), history.ops().stream().mapToLong(Op::height).max().orElse(0));
        c.awaitHeight(all, target, Nemesis.LIVENESS_BOUND);

        List<ChainView> chains = new ArrayList<>();
        Set<Address> tracked = new TreeSet<>(funding.keySet());
        tracked.addAll(recipients);
        for (int i : all) {
            chains.add(ChainView.collect(c.members().get(i).name(), c.rpc(i), tracked));
        }
        List<Op> ops = history.ops();
        List<Violation> violations = HistoryChecker.check(new HistoryChecker.Input(ops, history.reads(), chains, nemesis.splits(),
                tracked.stream().map(Address::toString).collect(Collectors.toSet()), baseFee, Mtn.TOTAL_SUPPLY));
        String summary = summary(ops, history, chains, nemesis);
        System.out.println(summary);
        Path dump = Path.of("target", "it-logs", getClass().getSimpleName(), "history-" + SEED + ".txt");
        java.nio.file.Files.createDirectories(dump.getParent());
        java.nio.file.Files.writeString(dump, nemesis.log() + History.excerpt(ops, List.of(), History.ENTRIES_MAX));
        assertThat(violations).as(HistoryChecker.report(nemesis.log(), violations, ops)).isEmpty();
        assertThat(ops.stream().filter(o -> o.outcome() == Outcome.OK).count()).as("acknowledged transfers\n" + summary)
                .isGreaterThanOrEqualTo(ACKED_MIN);
        assertThat(nemesis.splits()).as("2|2 splits held").hasSize(CYCLES);
    }

    private static String summary(List<Op> ops, History history, List<ChainView> chains, Nemesis nemesis) {
        Map<Outcome, Long> byOutcome = ops.stream().collect(Collectors.groupingBy(Op::outcome, TreeMap::new, Collectors.counting()));
        long pairHalves = ops.stream().filter(o -> o.conflictGroup() != null).count();
        Map<String, Long> refusals = ops.stream().filter(o -> o.outcome() == Outcome.REFUSED)
                .collect(Collectors.groupingBy(o -> o.reason().replaceAll("[0-9]+", "N"), TreeMap::new, Collectors.counting()));
        // Admitted by a node (sent without error) but in no chain: not a checked invariant, since a pool
        // is not persisted (kill -9) and a pair's loser never commits, but worth seeing in every run.
        // Only those whose nonce no other transaction of the sender took count.
        Set<String> usedNonces = chains.stream().max(java.util.Comparator.comparingLong(ChainView::height)).orElseThrow().blocks().stream()
                .flatMap(b -> b.txs().stream()).map(t -> t.from() + "/" + t.nonce()).collect(Collectors.toSet());
        List<Op> stranded = ops.stream().filter(o -> o.outcome() == Outcome.UNKNOWN && o.reason().startsWith("receipt")
                && o.conflictGroup() == null && !usedNonces.contains(o.sender() + "/" + o.nonce())).toList();
        StringBuilder pairs = new StringBuilder("\nadmitted, never committed, nonce still free (not pair halves): " + stranded.size());
        stranded.forEach(o -> pairs.append("\n  ").append(o));
        ops.stream().filter(o -> o.conflictGroup() != null).sorted(java.util.Comparator.comparing(Op::conflictGroup))
                .forEach(o -> pairs.append("\n  ").append(o));
        return String.format("[jepsen] seed %d: %d ops %s, refusals %s, %d conflicting-pair halves, %d head reads, chain heights %s,"
                        + " splits %s%s", SEED, ops.size(), byOutcome, refusals, pairHalves, history.reads().size(),
                chains.stream().map(ch -> ch.node() + "=" + ch.height()).toList(), nemesis.splits(), pairs);
    }

    private static String[] testnetArgs() {
        return PROFILE.observers > 0 ? new String[] {"--checkpoint-interval", Integer.toString(RECONFIG_CHECKPOINT_INTERVAL)} : new String[0];
    }

    static KeyPair memberKey(Cluster c, int i) throws java.io.IOException {
        return KeyFile.read(NodeConfigFile.read(c.members().get(i).config()).keyFile());
    }

    /**
     * Votes the observer (member {@code validators}) in with {@code gov add-validator}, as an operator would,
     * in the background while the faults run: validator after validator, each through the first node that takes
     * the vote, until one answer says approved or the attempts run out. The result is judged afterwards, from the
     * chain: the joiner is in mc_getValidators and votes.
     */
    private static final class VoteIn extends Thread {
        private final Cluster c;
        private final int joiner;
        private final long startAfterMs;
        private final StringBuilder log = new StringBuilder();
        private volatile long effectiveHeight = -1;

        VoteIn(Cluster c, int validators, long seed) {
            super("jepsen-vote-in");
            setDaemon(true);
            this.c = c;
            this.joiner = validators;
            this.startAfterMs = VOTE_START_MIN_MS + new Random(seed ^ 0x7E57L).nextLong(VOTE_START_SPAN_MS);
        }

        @Override
        public void run() {
            try {
                Thread.sleep(startAfterMs);
                String joinerKey = memberKey(c, joiner).publicKey().toHex();
                int attempts = 0;
                for (int voter = 0; voter < joiner && effectiveHeight < 0 && attempts < VOTE_ATTEMPTS_MAX; voter++) {
                    boolean counted = false;
                    for (int k = 0; k < joiner && !counted && attempts < VOTE_ATTEMPTS_MAX; k++, attempts++) {
                        int via = (voter + k) % joiner;
                        Cli.Result r = Cli.run("gov", "add-validator", "--key", NodeConfigFile.read(c.members().get(voter).config()).keyFile().toString(),
                                "--rpc", c.members().get(via).rpc().toString(), "--json", "--pubkey", joinerKey, "--name", c.members().get(joiner).name());
                        note("vote by node" + voter + " via node" + via + ": exit " + r.exitCode() + " " + (r.exitCode() == 0 ? r.out().strip() : r.err().strip()));
                        if (r.exitCode() == 0) {
                            counted = true;
                            if ("approved".equals(r.json().path("status").asText())) {
                                effectiveHeight = r.json().path("effectiveHeight").asLong();
                            }
                        }
                    }
                }
            } catch (Exception | AssertionError e) {
                note("vote stopped: " + e);
            }
        }

        private void note(String what) {
            String line = String.format("[jepsen %6.1fs] %s", (System.nanoTime() - History.ORIGIN_NANOS) / 1e9, what);
            System.out.println(line);
            synchronized (log) {
                log.append(line).append('\n');
            }
        }

        /** After the faults: the vote was approved, the set of five is in force at the head of every node, and the joiner votes. */
        void awaitVotedIn(String schedule) throws Exception {
            join(Nemesis.LIVENESS_BOUND.toMillis());
            String context;
            synchronized (log) {
                context = schedule + log;
            }
            assertThat(effectiveHeight).as("the vote was approved\n" + context).isPositive();
            List<Integer> everyone = new ArrayList<>();
            for (int i = 0; i <= joiner; i++) {
                everyone.add(i);
            }
            c.awaitHeight(everyone, effectiveHeight + 1, Nemesis.LIVENESS_BOUND);
            c.await("the joiner votes\n" + context, Nemesis.LIVENESS_BOUND, () -> {
                try {
                    return c.status(joiner).path("validator").asBoolean();
                } catch (Exception e) {
                    return false;
                }
            });
            for (int i : everyone) {
                assertThat(c.rpc(i).validators().path("validators")).as("the set at node" + i + "'s head\n" + context).hasSize(joiner + 1);
            }
        }
    }

    /** Funds every account from the faucet through one node and waits for every receipt. */
    private static void fund(RpcClient rpc, String chainId, KeyPair faucet, long maxFee, Map<Address, Long> amounts) throws Exception {
        long nonce = rpc.account(faucet.address()).nonce();
        List<Transaction> sent = new ArrayList<>();
        for (Map.Entry<Address, Long> e : amounts.entrySet()) {
            Transaction tx = Transaction.sign(chainId, faucet, nonce++, maxFee, new Transfer(e.getKey(), e.getValue()));
            rpc.sendRawTransaction(tx.encode());
            sent.add(tx);
        }
        for (Transaction tx : sent) {
            rpc.waitForReceipt(tx.id(), STEP);
        }
    }
}
