package io.mutualchain.node.e2e;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the test clients saw, in their own time: every transfer they submitted with its outcome, and
 * every head height they read. The checkers judge the nodes against this record only, never against
 * what the test meant to happen; an outcome the client could not observe is {@link Outcome#UNKNOWN}.
 * Bounded: a full history refuses further entries (the workload stops there).
 */
final class History {
    /** Most entries (ops plus reads) one run records. */
    static final int ENTRIES_MAX = 60_000;
    /** Times in printed ops count from here (this test JVM's start, near enough), not from nanoTime's arbitrary origin. */
    static final long ORIGIN_NANOS = System.nanoTime();

    enum Outcome {
        /** A receipt was read: committed at {@code height}, {@code index}, in block {@code blockHash}. */
        OK,
        /** The node refused the transaction at submission; it must never commit. */
        REFUSED,
        /** A timeout or a transport error: it may or may not commit. */
        UNKNOWN
    }

    /**
     * One submitted transfer. Times are {@code System.nanoTime()} of the test JVM: submit is taken
     * before the request is sent, ack after the receipt was read. {@code conflictGroup} is non-null
     * for the two transactions of a conflicting pair (same sender and nonce).
     */
    record Op(int client, String node, String txId, String sender, long nonce, long submitNanos, long ackNanos, Outcome outcome,
              long height, int index, String blockHash, String reason, String conflictGroup) {
        static Op ok(int client, String node, String txId, String sender, long nonce, long submitNanos, long ackNanos, long height,
                     int index, String blockHash, String conflictGroup) {
            return new Op(client, node, txId, sender, nonce, submitNanos, ackNanos, Outcome.OK, height, index, blockHash, null,
                    conflictGroup);
        }

        static Op refused(int client, String node, String txId, String sender, long nonce, long submitNanos, long ackNanos, String reason,
                          String conflictGroup) {
            return new Op(client, node, txId, sender, nonce, submitNanos, ackNanos, Outcome.REFUSED, -1, -1, null, reason, conflictGroup);
        }

        static Op unknown(int client, String node, String txId, String sender, long nonce, long submitNanos, String reason,
                          String conflictGroup) {
            return new Op(client, node, txId, sender, nonce, submitNanos, -1, Outcome.UNKNOWN, -1, -1, null, reason, conflictGroup);
        }

        @Override
        public String toString() {
            String where = switch (outcome) {
                case OK -> "ok h=" + height + " i=" + index + " " + shortHash(blockHash);
                case REFUSED -> "refused: " + reason;
                case UNKNOWN -> "unknown: " + reason;
            };
            return String.format("c%d@%s %s %s/%d t=%dms..%s %s%s", client, node, shortHash(txId), shortHash(sender), nonce,
                    (submitNanos - ORIGIN_NANOS) / 1_000_000, ackNanos < 0 ? "?" : ((ackNanos - ORIGIN_NANOS) / 1_000_000) + "ms", where,
                    conflictGroup == null ? "" : " [conflict " + conflictGroup + "]");
        }
    }

    /** A head height a client read from its node at {@code atNanos}. */
    record HeadRead(int client, String node, long atNanos, long height) {
    }

    private final List<Op> ops = new ArrayList<>();
    private final List<HeadRead> reads = new ArrayList<>();

    /** Records an op; false when the history is full (the caller stops). */
    synchronized boolean add(Op op) {
        if (ops.size() + reads.size() >= ENTRIES_MAX) {
            return false;
        }
        ops.add(op);
        return true;
    }

    synchronized boolean add(HeadRead read) {
        if (ops.size() + reads.size() >= ENTRIES_MAX) {
            return false;
        }
        reads.add(read);
        return true;
    }

    synchronized List<Op> ops() {
        return List.copyOf(ops);
    }

    synchronized List<HeadRead> reads() {
        return List.copyOf(reads);
    }

    /** The ops that mention {@code anyOf} (tx ids, senders or conflict groups), in submit order; at most {@code max}. */
    static String excerpt(List<Op> ops, List<String> anyOf, int max) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        List<Op> sorted = new ArrayList<>(ops);
        sorted.sort(Comparator.comparingLong(Op::submitNanos));
        for (Op op : sorted) {
            boolean relevant = anyOf.isEmpty() || anyOf.contains(op.txId()) || anyOf.contains(op.sender())
                    || (op.conflictGroup() != null && anyOf.contains(op.conflictGroup()));
            if (relevant && shown < max) {
                sb.append("  ").append(op).append('\n');
                shown++;
            }
        }
        return sb.toString();
    }

    static String shortHash(String h) {
        if (h == null) {
            return "-";
        }
        return h.length() > 14 ? h.substring(0, 10) + "…" : h;
    }
}
