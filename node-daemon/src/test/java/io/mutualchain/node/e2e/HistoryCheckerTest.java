package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.node.e2e.ChainView.Block;
import io.mutualchain.node.e2e.ChainView.ChainTx;
import io.mutualchain.node.e2e.History.HeadRead;
import io.mutualchain.node.e2e.History.Op;
import io.mutualchain.node.e2e.HistoryChecker.Check;
import io.mutualchain.node.e2e.HistoryChecker.SplitWindow;
import io.mutualchain.node.e2e.HistoryChecker.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checker's teeth: a small consistent history passes, and each hand-made corruption of it (a lost
 * acknowledgement, a fork, a double spend, an order violation, …) is caught by exactly the check
 * meant for it. Without this, a checker that always says "fine" would make JepsenStyleIT pass.
 */
class HistoryCheckerTest {
    private static final long FEE = 10;
    private static final long SUPPLY = 1_000_000;
    private static final String FAUCET = "mcfaucet";
    private static final String S = "mcsender";
    private static final String R = "mcrecipient";

    private static final ChainTx FUND = transfer("0xf0", FAUCET, 0, S, 1_000);
    private static final ChainTx A = transfer("0xa0", S, 0, R, 100);
    private static final ChainTx B = transfer("0xb0", S, 1, R, 100);

    /** Blocks 1 [FUND, A], 2 [B], 3 []; S ends with 1000 - 2 * 110 = 780, R with 200. */
    private final List<Block> chain = new ArrayList<>(List.of(block(1, "0xg", FUND, A), block(2, "0xh1", B), block(3, "0xh2")));
    private final List<Op> ops = new ArrayList<>(List.of(
            Op.ok(0, "n0", "0xf0", FAUCET, 0, ms(0), ms(10), 1, 0, "0xh1", null),
            Op.ok(1, "n1", "0xa0", S, 0, ms(1), ms(11), 1, 1, "0xh1", null),
            Op.ok(1, "n1", "0xb0", S, 1, ms(20), ms(30), 2, 0, "0xh2", null)));
    private final List<HeadRead> reads = new ArrayList<>(List.of(new HeadRead(1, "n1", ms(5), 0), new HeadRead(1, "n1", ms(15), 1),
            new HeadRead(1, "n1", ms(35), 3)));
    private final List<SplitWindow> splits = new ArrayList<>(List.of(new SplitWindow("2|2 split", 3, 3)));
    private Map<String, Long> balances = Map.of(S, 780L, R, 200L);
    private Map<String, Long> nonces = Map.of(S, 2L, R, 0L);

    @Test
    void aConsistentHistoryPassesEveryCheck() {
        assertThat(check()).isEmpty();
    }

    @Test
    void anAcknowledgedTransactionMissingFromTheChainIsALostAck() {
        ops.add(Op.ok(0, "n0", "0xc0", FAUCET, 1, ms(40), ms(50), 3, 0, "0xh3", null));
        assertThat(checks()).containsOnly(Check.ACKED_LOST);
    }

    @Test
    void anAcknowledgementWithAnotherBlockHashIsALostAck() {
        ops.set(2, Op.ok(1, "n1", "0xb0", S, 1, ms(20), ms(30), 2, 0, "0xother", null));
        assertThat(checks()).containsOnly(Check.ACKED_LOST);
    }

    @Test
    void twoNodesWithDifferentBlocksAtOneHeightAreAFork() {
        List<Block> other = new ArrayList<>(chain);
        other.set(2, new Block(3, "0xforked", "0xh2", "0xs3", List.of(), null));
        List<Violation> found = HistoryChecker.check(input(List.of(view("n0", chain), view("n1", other))));
        assertThat(found).extracting(Violation::check).containsOnly(Check.FORK);
    }

    @Test
    void aBlockWhoseParentHashDoesNotLinkIsAFork() {
        chain.set(2, new Block(3, "0xh3", "0xelsewhere", "0xs3", List.of(), null));
        assertThat(checks()).containsOnly(Check.FORK);
    }

    @Test
    void differentStateRootsAtOneHeightAreCaught() {
        List<Block> other = new ArrayList<>(chain);
        other.set(1, new Block(2, "0xh2", "0xh1", "0xdifferent", List.of(B), null));
        List<Violation> found = HistoryChecker.check(input(List.of(view("n0", chain), view("n1", other))));
        assertThat(found).extracting(Violation::check).containsOnly(Check.STATE_ROOT);
    }

    @Test
    void aBlockWithABadCertificateIsCaught() {
        chain.set(1, new Block(2, "0xh2", "0xh1", "0xs2", List.of(B), "2 valid signatures, quorum is 3"));
        assertThat(checks()).containsOnly(Check.CERTIFICATE);
    }

    @Test
    void bothTransactionsOfAConflictingPairCommittedIsADoubleSpend() {
        ChainTx b2 = transfer("0xb2", S, 1, "mcelse", 100);
        chain.set(2, block(3, "0xh2", b2));
        ops.set(2, Op.ok(1, "n1", "0xb0", S, 1, ms(20), ms(30), 2, 0, "0xh2", "pair-1"));
        ops.add(Op.unknown(2, "n2", "0xb2", S, 1, ms(20), "timeout", "pair-1"));
        balances = Map.of(S, 670L, R, 200L);
        nonces = Map.of(S, 3L, R, 0L);
        List<Violation> found = check();
        assertThat(found).extracting(Violation::check).containsOnly(Check.DOUBLE_SPEND);
        assertThat(found).hasSize(3); // the reused nonce on each of the two nodes, and the pair
        assertThat(HistoryChecker.report("seed 7", found, ops)).contains("seed 7").contains("[conflict pair-1]");
    }

    @Test
    void spendingMoreThanWasReceivedIsANegativeBalance() {
        chain.set(2, block(3, "0xh2", transfer("0xc0", S, 2, R, 900)));
        balances = Map.of(S, -130L, R, 1_100L);
        nonces = Map.of(S, 3L, R, 0L);
        assertThat(checks()).containsOnly(Check.NEGATIVE_BALANCE);
    }

    @Test
    void aBalanceThatDiffersFromTheChainsTransfersOrAChangedSupplyIsCaught() {
        balances = Map.of(S, 781L, R, 200L);
        assertThat(checks()).containsOnly(Check.CONSERVATION);
        balances = Map.of(S, 780L, R, 200L);
        List<Violation> found = HistoryChecker.check(new HistoryChecker.Input(ops, reads, List.of(
                new ChainView("n0", chain, balances, nonces, SUPPLY + 1)), splits, Set.of(S, R), FEE, SUPPLY));
        assertThat(found).extracting(Violation::check).containsOnly(Check.CONSERVATION);
    }

    @Test
    void aTransactionTwiceInTheChainBreaksExactlyOnce() {
        chain.set(2, block(3, "0xh2", A));
        balances = Map.of(S, 670L, R, 300L);
        nonces = Map.of(S, 3L, R, 0L);
        // The same id twice is also a reused nonce: both checks speak.
        assertThat(checks()).contains(Check.DUPLICATE_TX);
    }

    @Test
    void aRefusedTransactionThatCommitsIsCaught() {
        ops.set(2, Op.refused(1, "n1", "0xb0", S, 1, ms(20), ms(21), "NONCE_TOO_HIGH", null));
        assertThat(checks()).containsOnly(Check.REFUSED_COMMITTED);
    }

    @Test
    void aRefusedCopyOfATransactionThatWasAlsoAdmittedIsNoViolation() {
        ops.add(Op.refused(1, "n2", "0xb0", S, 1, ms(21), ms(22), "DUPLICATE: already pending", null));
        assertThat(check()).isEmpty();
    }

    @Test
    void aTransactionAcknowledgedBeforeAnotherWasSubmittedButOrderedAfterItIsAnOrderViolation() {
        // A acknowledged at 11 ms, C submitted at 12 ms (another client), yet C sits in block 1 before A.
        ChainTx c = transfer("0xc0", FAUCET, 1, R, 5);
        chain.set(0, block(1, "0xg", FUND, c, A));
        ops.set(1, Op.ok(1, "n1", "0xa0", S, 0, ms(1), ms(11), 1, 2, "0xh1", null));
        ops.add(Op.ok(0, "n0", "0xc0", FAUCET, 1, ms(12), ms(13), 1, 1, "0xh1", null));
        balances = Map.of(S, 780L, R, 205L);
        List<Violation> found = check();
        assertThat(found).extracting(Violation::check).containsOnly(Check.REAL_TIME_ORDER);
        assertThat(found.get(0).keys()).containsExactly("0xa0", "0xc0");
    }

    @Test
    void aClientReadingALowerHeadThanItAlreadySawIsCaught() {
        reads.add(new HeadRead(1, "n1", ms(40), 1));
        assertThat(checks()).containsOnly(Check.NON_MONOTONIC_READ);
    }

    @Test
    void aReadBelowAHeightAReceiptAlreadyProvedIsCaught() {
        reads.add(new HeadRead(1, "n1", ms(31), 1)); // receipt of B at 30 ms proved height 2
        assertThat(checks()).containsOnly(Check.NON_MONOTONIC_READ);
    }

    @Test
    void aHeightCommittedDuringASplitWithoutAQuorumIsCaught() {
        splits.add(new SplitWindow("2|2 split #2", 3, 4));
        assertThat(checks()).containsOnly(Check.COMMIT_WITHOUT_QUORUM);
    }

    private List<Check> checks() {
        return check().stream().map(Violation::check).toList();
    }

    private List<Violation> check() {
        return HistoryChecker.check(input(List.of(view("n0", chain), view("n1", chain))));
    }

    private HistoryChecker.Input input(List<ChainView> chains) {
        return new HistoryChecker.Input(ops, reads, chains, splits, Set.of(S, R), FEE, SUPPLY);
    }

    private ChainView view(String node, List<Block> blocks) {
        return new ChainView(node, blocks, balances, nonces, SUPPLY);
    }

    private static Block block(long h, String prev, ChainTx... txs) {
        return new Block(h, "0xh" + h, prev, "0xs" + h, List.of(txs), null);
    }

    private static ChainTx transfer(String id, String from, long nonce, String to, long amount) {
        return new ChainTx(id, from, nonce, "transfer", to, amount);
    }

    private static long ms(long ms) {
        return ms * 1_000_000;
    }
}
