package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random blocks of transfers among a few accounts, valid and invalid (wrong nonces, overspending,
 * amounts near whole balances), committed to a real RocksDB. Whatever happens, MTN is neither created
 * nor destroyed, no balance goes negative, the ledger agrees with a simple model, the stored state
 * root equals one rebuilt from scratch, and a reopen sees the same state.
 */
class TransferSequencePropertyTest {
    static final TestChain CHAIN = new TestChain();
    /** Senders and recipients: the funded users, the reserve, and one address nobody funded. */
    static final int PARTIES = TestChain.USERS + 2;

    record Step(int from, int to, int nonceOffset, long amountChoice) {
    }

    static KeyPair party(int i) {
        if (i < TestChain.USERS) {
            return CHAIN.users.get(i);
        }
        return i == TestChain.USERS ? CHAIN.reserve : TestChain.key(240);
    }

    @Provide
    Arbitrary<List<List<Step>>> blocks() {
        Arbitrary<Integer> who = Arbitraries.integers().between(0, PARTIES - 1);
        // Mostly correct nonces, sometimes one behind or ahead.
        Arbitrary<Integer> nonceOffset = Arbitraries.frequency(Tuple2Of.of(8, 0), Tuple2Of.of(1, -1), Tuple2Of.of(1, 1));
        // Small amounts, or the whole balance (which must fail for lack of the fee), or more than anyone has.
        Arbitrary<Long> amount = Arbitraries.frequency(Tuple2Of.of(6, 1L), Tuple2Of.of(2, -1L), Tuple2Of.of(1, -2L), Tuple2Of.of(1, -3L))
                .flatMap(kind -> kind == 1L ? Arbitraries.longs().between(1, 200 * Mtn.UNIT) : Arbitraries.just(kind));
        Arbitrary<Step> step = Combinators.combine(who, who, nonceOffset, amount).as(Step::new);
        return step.list().ofMaxSize(12).list().ofMinSize(1).ofMaxSize(6);
    }

    /** jqwik's frequency wants tuples; a tiny alias keeps the generator readable. */
    static final class Tuple2Of {
        static <T> net.jqwik.api.Tuple.Tuple2<Integer, T> of(int weight, T value) {
            return net.jqwik.api.Tuple.of(weight, value);
        }
    }

    @Property(tries = 50)
    void supplyIsConservedAndTheLedgerMatchesAModel(@ForAll("blocks") List<List<Step>> blocks) throws Exception {
        Path dir = Files.createTempDirectory("ledger-prop");
        try {
            Map<Address, long[]> model = new HashMap<>();
            io.mutualchain.core.crypto.Hash32 root;
            long height;
            MtnTotals totals;
            try (Ledger ledger = Ledger.open(dir, CHAIN.genesis)) {
                for (List<Step> block : blocks) {
                    List<Transaction> txs = new ArrayList<>();
                    Map<Integer, Long> nextNonce = new HashMap<>();
                    for (Step s : block) {
                        KeyPair from = party(s.from());
                        long base = nextNonce.computeIfAbsent(s.from(), i -> ledger.account(from.address()).nonce());
                        long nonce = Math.max(0, base + s.nonceOffset());
                        long balance = ledger.account(from.address()).balance();
                        long amount = s.amountChoice() > 0 ? s.amountChoice()
                                : s.amountChoice() == -1 ? Math.max(1, balance) : s.amountChoice() == -2 ? Math.max(1, balance - TestChain.BASE_FEE)
                                : Mtn.TOTAL_SUPPLY;
                        txs.add(CHAIN.transfer(from, nonce, party(s.to()).address(), amount));
                        if (s.nonceOffset() == 0) {
                            nextNonce.put(s.from(), base + 1);
                        }
                    }
                    List<Receipt> receipts = CHAIN.commit(ledger, txs);
                    applyToModel(ledger, model, txs, receipts);
                    assertThat(ledger.sumOfAllBalancesByScan()).isEqualTo(Mtn.TOTAL_SUPPLY);
                    assertThat(ledger.totals().sumOfBalances()).isEqualTo(Mtn.TOTAL_SUPPLY);
                }
                for (int i = 0; i < PARTIES; i++) {
                    Account a = ledger.account(party(i).address());
                    assertThat(a.balance()).isNotNegative();
                }
                for (Map.Entry<Address, long[]> e : model.entrySet()) {
                    assertThat(ledger.account(e.getKey())).isEqualTo(new Account(e.getValue()[0], e.getValue()[1]));
                }
                assertThat(ledger.stateRoot()).isEqualTo(ledger.stateRootByScan());
                assertThat(ledger.proveAccount(party(0).address()).verify(ledger.stateRoot())).isTrue();
                root = ledger.stateRoot();
                height = ledger.height();
                totals = ledger.totals();
            }
            try (Ledger again = Ledger.open(dir, CHAIN.genesis)) {
                assertThat(again.stateRoot()).isEqualTo(root);
                assertThat(again.height()).isEqualTo(height);
                assertThat(again.totals()).isEqualTo(totals);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** The model: an independent, obvious re-statement of the transfer rules, fed the receipts' verdicts checked against it. */
    private static void applyToModel(Ledger ledger, Map<Address, long[]> model, List<Transaction> txs, List<Receipt> receipts) {
        Address proposer = CHAIN.proposerAddress();
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            var t = (io.mutualchain.core.tx.Transfer) tx.payload();
            long[] s = model.computeIfAbsent(tx.senderAddress(), a -> genesisOf(a));
            boolean shouldSucceed = tx.nonce() == s[1] && s[0] >= t.amount() + TestChain.BASE_FEE;
            assertThat(receipts.get(i).succeeded()).as("tx %d verdict", i).isEqualTo(shouldSucceed);
            if (shouldSucceed) {
                s[0] -= t.amount() + TestChain.BASE_FEE;
                s[1]++;
                model.computeIfAbsent(t.to(), a -> genesisOf(a))[0] += t.amount();
                model.computeIfAbsent(proposer, a -> genesisOf(a))[0] += TestChain.BASE_FEE;
            }
        }
    }

    private static long[] genesisOf(Address a) {
        for (var alloc : CHAIN.genesis.allocations()) {
            if (alloc.address().equals(a)) {
                return new long[] {alloc.amount(), 0};
            }
        }
        return new long[] {0, 0};
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
