package io.mutualchain.node.e2e;

import io.mutualchain.node.e2e.ChainView.Block;
import io.mutualchain.node.e2e.ChainView.ChainTx;
import io.mutualchain.node.e2e.History.HeadRead;
import io.mutualchain.node.e2e.History.Op;
import io.mutualchain.node.e2e.History.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Jepsen-style invariants, judged from a recorded client history and each node's final chain.
 * Consensus gives one total order, so every check is a set or ordering check in (near) linear time;
 * no linearizability search is needed. Pure: no network, so the checker itself is unit-tested with
 * hand-made bad histories ({@code HistoryCheckerTest}).
 */
final class HistoryChecker {
    /** Violations reported per check before the rest are only counted. */
    static final int REPORTED_PER_CHECK_MAX = 5;

    enum Check {
        /** 1: an acknowledged tx is not at its acknowledged height and block on some node. */
        ACKED_LOST,
        /** 2: two nodes hold different blocks at one height, or a chain does not link. */
        FORK,
        /** 2: a header does not hash to its hash, or its certificate is no quorum over it. */
        CERTIFICATE,
        /** 3: two committed transactions share a sender and nonce (a conflicting pair included). */
        DOUBLE_SPEND,
        /** 3: replaying the chain takes a workload account below zero. */
        NEGATIVE_BALANCE,
        /** 3: a node's balance or nonce differs from the replay of its chain, or the supply is not the fixed one. */
        CONSERVATION,
        /** 4: a tx id appears more than once in a chain. */
        DUPLICATE_TX,
        /** 4: a tx the node refused at submission was committed anyway. */
        REFUSED_COMMITTED,
        /** 5: A was acknowledged before B was submitted, yet B is ordered before A. */
        REAL_TIME_ORDER,
        /** 6: a client read a head height lower than one it had already seen. */
        NON_MONOTONIC_READ,
        /** 7: a height was committed while no side of a partition held a quorum. */
        COMMIT_WITHOUT_QUORUM,
        /** 8: two nodes disagree on the state root at a height. */
        STATE_ROOT
    }

    record Violation(Check check, String message, List<String> keys) {
        @Override
        public String toString() {
            return check + ": " + message;
        }
    }

    /** The highest height any node held when a no-quorum split began (after it settled) and when it ended. */
    record SplitWindow(String what, long maxHeightAtStart, long maxHeightAtEnd) {
    }

    /**
     * @param tracked     workload accounts created by the test (zero at genesis), replayed exactly
     * @param baseFee     fee every transaction pays, in base units
     * @param totalSupply the fixed supply every node must report, in base units
     */
    record Input(List<Op> ops, List<HeadRead> reads, List<ChainView> chains, List<SplitWindow> splits, Set<String> tracked, long baseFee,
                 long totalSupply) {
    }

    private final Input in;
    private final List<Violation> found = new ArrayList<>();
    private final Map<Check, Integer> counts = new TreeMap<>();

    private HistoryChecker(Input in) {
        this.in = in;
    }

    static List<Violation> check(Input in) {
        HistoryChecker c = new HistoryChecker(in);
        c.ackedOnEveryNode();
        c.noFork();
        c.noDoubleSpendAndConservation();
        c.exactlyOnce();
        c.realTimeOrder();
        c.monotonicReads();
        c.noCommitWithoutQuorum();
        return List.copyOf(c.found);
    }

    private void report(Check check, String message, String... keys) {
        int n = counts.merge(check, 1, Integer::sum);
        if (n <= REPORTED_PER_CHECK_MAX) {
            found.add(new Violation(check, message, List.of(keys)));
        }
    }

    // 1
    private void ackedOnEveryNode() {
        for (Op op : in.ops()) {
            if (op.outcome() != Outcome.OK) {
                continue;
            }
            for (ChainView c : in.chains()) {
                Block b = c.block(op.height());
                if (b == null) {
                    report(Check.ACKED_LOST, c.node() + " is at height " + c.height() + ", below acknowledged " + op, op.txId());
                } else if (!b.hash().equals(op.blockHash())) {
                    report(Check.ACKED_LOST, c.node() + " has block " + b.hash() + " at height " + op.height() + ", not the acknowledged "
                            + op, op.txId());
                } else if (op.index() >= b.txs().size() || !b.txs().get(op.index()).id().equals(op.txId())) {
                    report(Check.ACKED_LOST, c.node() + " block " + op.height() + " does not hold the acknowledged tx at index "
                            + op.index() + ": " + op, op.txId());
                }
            }
        }
    }

    // 2 and 8
    private void noFork() {
        long min = in.chains().stream().mapToLong(ChainView::height).min().orElse(0);
        ChainView ref = in.chains().isEmpty() ? null : in.chains().get(0);
        for (ChainView c : in.chains()) {
            for (Block b : c.blocks()) {
                if (b.certificateProblem() != null) {
                    report(Check.CERTIFICATE, c.node() + " block " + b.height() + ": " + b.certificateProblem());
                }
                Block parent = c.block(b.height() - 1);
                if (parent != null && !parent.hash().equals(b.prevHash())) {
                    report(Check.FORK, c.node() + " block " + b.height() + " names parent " + b.prevHash() + " but holds " + parent.hash());
                }
            }
            for (long h = 1; h <= min && c != ref; h++) {
                Block mine = c.block(h);
                Block theirs = ref.block(h);
                if (!mine.hash().equals(theirs.hash())) {
                    report(Check.FORK, "height " + h + ": " + ref.node() + " has " + theirs.hash() + ", " + c.node() + " has " + mine.hash());
                }
                if (!mine.stateRoot().equals(theirs.stateRoot())) {
                    report(Check.STATE_ROOT, "height " + h + ": " + ref.node() + " state root " + theirs.stateRoot() + ", " + c.node() + " "
                            + mine.stateRoot());
                }
            }
        }
    }

    // 3
    private void noDoubleSpendAndConservation() {
        for (ChainView c : in.chains()) {
            if (c.supplyTotalUnits() != in.totalSupply()) {
                report(Check.CONSERVATION, c.node() + " reports total supply " + c.supplyTotalUnits() + ", not " + in.totalSupply());
            }
            Map<String, String> bySenderNonce = new HashMap<>();
            Map<String, Long> balance = new TreeMap<>();
            Map<String, Long> nonce = new TreeMap<>();
            for (Block b : c.blocks()) {
                for (ChainTx tx : b.txs()) {
                    String other = bySenderNonce.putIfAbsent(tx.from() + "/" + tx.nonce(), tx.id());
                    if (other != null) {
                        report(Check.DOUBLE_SPEND, c.node() + ": " + other + " and " + tx.id() + " both committed for sender " + tx.from()
                                + " nonce " + tx.nonce(), other, tx.id(), tx.from());
                    }
                    replay(c, b, tx, balance, nonce);
                }
            }
            for (String a : in.tracked()) {
                long expected = balance.getOrDefault(a, 0L);
                Long got = c.balances().get(a);
                if (got == null || got != expected) {
                    report(Check.CONSERVATION, c.node() + ": " + a + " holds " + got + " but its chain's transfers give " + expected, a);
                }
                Long gotNonce = c.nonces().get(a);
                if (gotNonce == null || gotNonce.longValue() != nonce.getOrDefault(a, 0L)) {
                    report(Check.CONSERVATION, c.node() + ": " + a + " has nonce " + gotNonce + " but sent " + nonce.getOrDefault(a, 0L)
                            + " committed transactions", a);
                }
            }
        }
        Map<String, List<String>> committedByGroup = new TreeMap<>();
        Map<String, Long> committed = positions(longest());
        for (Op op : in.ops()) {
            if (op.conflictGroup() != null && committed.containsKey(op.txId())) {
                committedByGroup.computeIfAbsent(op.conflictGroup(), g -> new ArrayList<>()).add(op.txId());
            }
        }
        committedByGroup.forEach((g, ids) -> {
            if (ids.size() > 1) {
                report(Check.DOUBLE_SPEND, "both transactions of conflicting pair " + g + " committed: " + ids, g);
            }
        });
    }

    private void replay(ChainView c, Block b, ChainTx tx, Map<String, Long> balance, Map<String, Long> nonce) {
        if (in.tracked().contains(tx.from())) {
            long cost = in.baseFee() + ("transfer".equals(tx.kind()) ? tx.amountUnits() : 0);
            long left = balance.merge(tx.from(), -cost, Long::sum);
            nonce.merge(tx.from(), 1L, Long::sum);
            if (left < 0) {
                report(Check.NEGATIVE_BALANCE, c.node() + ": " + tx.from() + " goes to " + left + " at height " + b.height() + " with "
                        + tx.id(), tx.from(), tx.id());
            }
        }
        if ("transfer".equals(tx.kind()) && in.tracked().contains(tx.to())) {
            balance.merge(tx.to(), tx.amountUnits(), Long::sum);
        }
    }

    // 4
    private void exactlyOnce() {
        for (ChainView c : in.chains()) {
            Map<String, Long> seen = new HashMap<>();
            for (Block b : c.blocks()) {
                for (ChainTx tx : b.txs()) {
                    Long first = seen.putIfAbsent(tx.id(), b.height());
                    if (first != null) {
                        report(Check.DUPLICATE_TX, c.node() + ": " + tx.id() + " at heights " + first + " and " + b.height(), tx.id());
                    }
                }
            }
        }
        Map<String, Long> committed = positions(longest());
        // A refusal of a transaction that was also sent and admitted (the same id twice) refuses only the copy.
        Set<String> admitted = new java.util.HashSet<>();
        for (Op op : in.ops()) {
            if (op.outcome() != Outcome.REFUSED) {
                admitted.add(op.txId());
            }
        }
        for (Op op : in.ops()) {
            if (op.outcome() == Outcome.REFUSED && committed.containsKey(op.txId()) && !admitted.contains(op.txId())) {
                report(Check.REFUSED_COMMITTED, "refused at submission yet committed: " + op, op.txId());
            }
        }
    }

    // 5: sweep B by submit time while folding in every A acknowledged before it; pos(A) < pos(B) must hold for the latest such A.
    private void realTimeOrder() {
        Map<String, Long> pos = positions(longest());
        List<Op> acked = in.ops().stream().filter(o -> o.outcome() == Outcome.OK && pos.containsKey(o.txId()))
                .sorted(Comparator.comparingLong(Op::ackNanos)).toList();
        List<Op> committed = in.ops().stream().filter(o -> pos.containsKey(o.txId()))
                .sorted(Comparator.comparingLong(Op::submitNanos)).toList();
        int next = 0;
        Op latest = null;
        for (Op b : committed) {
            while (next < acked.size() && acked.get(next).ackNanos() < b.submitNanos()) {
                Op a = acked.get(next++);
                if (latest == null || pos.get(a.txId()) > pos.get(latest.txId())) {
                    latest = a;
                }
            }
            if (latest != null && pos.get(latest.txId()) >= pos.get(b.txId())) {
                report(Check.REAL_TIME_ORDER, "acknowledged " + latest + " before submitting " + b + ", yet the chain orders it at or after",
                        latest.txId(), b.txId());
            }
        }
    }

    // 6: a client's reads, and the heights its receipts proved, never go down.
    private void monotonicReads() {
        record Seen(long atNanos, long height, String what) {
        }
        Map<Integer, List<Seen>> byClient = new TreeMap<>();
        for (HeadRead r : in.reads()) {
            byClient.computeIfAbsent(r.client(), k -> new ArrayList<>()).add(new Seen(r.atNanos(), r.height(), "read of " + r.node()));
        }
        for (Op op : in.ops()) {
            if (op.outcome() == Outcome.OK) {
                byClient.computeIfAbsent(op.client(), k -> new ArrayList<>()).add(new Seen(op.ackNanos(), op.height(), "receipt " + op));
            }
        }
        byClient.forEach((client, seen) -> {
            seen.sort(Comparator.comparingLong(Seen::atNanos));
            Seen max = null;
            for (Seen s : seen) {
                if (max != null && s.height() < max.height() && s.what().startsWith("read")) {
                    report(Check.NON_MONOTONIC_READ, "client " + client + ": " + s.what() + " at " + s.atNanos() / 1_000_000 + "ms saw height "
                            + s.height() + " after " + max.what() + " showed " + max.height());
                }
                if (max == null || s.height() > max.height()) {
                    max = s;
                }
            }
        });
    }

    // 7
    private void noCommitWithoutQuorum() {
        for (SplitWindow w : in.splits()) {
            if (w.maxHeightAtEnd() > w.maxHeightAtStart()) {
                report(Check.COMMIT_WITHOUT_QUORUM, w.what() + ": the highest height went from " + w.maxHeightAtStart() + " to "
                        + w.maxHeightAtEnd() + " with no side holding a quorum");
            }
        }
    }

    private ChainView longest() {
        return in.chains().stream().max(Comparator.comparingLong(ChainView::height)).orElse(null);
    }

    /** tx id → height * 2^20 + index: the total order the chain gives. */
    private static Map<String, Long> positions(ChainView c) {
        Map<String, Long> pos = new HashMap<>();
        if (c != null) {
            for (Block b : c.blocks()) {
                for (int i = 0; i < b.txs().size(); i++) {
                    pos.putIfAbsent(b.txs().get(i).id(), (b.height() << 20) + i);
                }
            }
        }
        return pos;
    }

    /** The failure text: the seed to rerun with, each violation, and the history of what they mention. */
    static String report(String schedule, List<Violation> violations, List<Op> ops) {
        StringBuilder sb = new StringBuilder(schedule).append('\n').append(violations.size()).append(" violation(s):\n");
        List<String> keys = new ArrayList<>();
        for (Violation v : violations) {
            sb.append("- ").append(v).append('\n');
            keys.addAll(v.keys());
        }
        sb.append("history excerpt:\n").append(History.excerpt(ops, keys, 40));
        return sb.toString();
    }
}
