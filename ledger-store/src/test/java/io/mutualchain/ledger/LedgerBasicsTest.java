package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerBasicsTest {
    @TempDir
    Path dir;

    final TestChain chain = new TestChain();

    @Test
    void aFreshLedgerHoldsTheGenesisAllocationsAtHeightZero() throws Exception {
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            assertThat(ledger.height()).isZero();
            assertThat(ledger.lastBlockHash()).isEqualTo(chain.genesis.hash());
            assertThat(ledger.lastBlockTimeMs()).isEqualTo(TestChain.GENESIS_TIME_MS);
            assertThat(ledger.account(chain.users.get(0).address())).isEqualTo(new Account(TestChain.USER_FUNDS, 0));
            assertThat(ledger.account(chain.proposerAddress())).isEqualTo(Account.EMPTY);
            assertThat(ledger.totals().sumOfBalances()).isEqualTo(Mtn.TOTAL_SUPPLY);
            assertThat(ledger.totals().accounts()).isEqualTo(TestChain.USERS + 1);
            assertThat(ledger.sumOfAllBalancesByScan()).isEqualTo(Mtn.TOTAL_SUPPLY);
            assertThat(ledger.stateRoot()).isEqualTo(ledger.stateRootByScan());
            assertThat(ledger.blockByHeight(0)).isEmpty();
            assertThat(ledger.blockByHeight(1)).isEmpty();
        }
    }

    @Test
    void aTransferMovesTheAmountPaysTheFeeToTheProposerAndStepsTheNonce() throws Exception {
        KeyPair alice = chain.users.get(0);
        Address bob = chain.users.get(1).address();
        long amount = 12 * Mtn.UNIT;
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            Transaction tx = chain.transfer(alice, 0, bob, amount);
            List<Receipt> receipts = chain.commit(ledger, List.of(tx));

            assertThat(receipts).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(Receipt.Status.SUCCESS);
                assertThat(r.error()).isEmpty();
                assertThat(r.feePaid()).isEqualTo(TestChain.BASE_FEE);
                assertThat(r.height()).isEqualTo(1);
                assertThat(r.index()).isZero();
            });
            assertThat(ledger.account(alice.address())).isEqualTo(new Account(TestChain.USER_FUNDS - amount - TestChain.BASE_FEE, 1));
            assertThat(ledger.account(bob)).isEqualTo(new Account(TestChain.USER_FUNDS + amount, 0));
            assertThat(ledger.account(chain.proposerAddress())).isEqualTo(new Account(TestChain.BASE_FEE, 0));
            assertThat(ledger.height()).isEqualTo(1);
            assertThat(ledger.totals().feesPaid()).isEqualTo(TestChain.BASE_FEE);
            assertThat(ledger.totals().accounts()).isEqualTo(TestChain.USERS + 2);
            assertThat(ledger.sumOfAllBalancesByScan()).isEqualTo(Mtn.TOTAL_SUPPLY);
            assertThat(ledger.receipt(tx.id())).contains(receipts.get(0));
            assertThat(ledger.transaction(tx.id())).hasValueSatisfying(loc -> {
                assertThat(loc.tx()).isEqualTo(tx);
                assertThat(loc.height()).isEqualTo(1);
                assertThat(loc.blockHash()).isEqualTo(ledger.lastBlockHash());
            });
            assertThat(ledger.blockByHeight(1)).hasValueSatisfying(sb -> assertThat(sb.block().hash()).isEqualTo(ledger.lastBlockHash()));
            assertThat(ledger.blockByHash(ledger.lastBlockHash())).hasValueSatisfying(sb -> assertThat(sb.certificate().height()).isEqualTo(1));
            assertThat(ledger.stateRoot()).isEqualTo(ledger.stateRootByScan());
        }
    }

    @Test
    void reopeningGivesTheSameHeightHashRootAndAccounts() throws Exception {
        KeyPair alice = chain.users.get(0);
        Address bob = chain.users.get(1).address();
        long height;
        Object hash;
        Object root;
        Account a;
        Account b;
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            chain.commit(ledger, List.of(chain.transfer(alice, 0, bob, 5)));
            chain.commit(ledger, List.of(chain.transfer(alice, 1, bob, 7), chain.transfer(chain.users.get(1), 0, alice.address(), 3)));
            height = ledger.height();
            hash = ledger.lastBlockHash();
            root = ledger.stateRoot();
            a = ledger.account(alice.address());
            b = ledger.account(bob);
        }
        try (Ledger again = Ledger.open(dir, chain.genesis)) {
            assertThat(again.height()).isEqualTo(height).isEqualTo(2);
            assertThat(again.lastBlockHash()).isEqualTo(hash);
            assertThat(again.stateRoot()).isEqualTo(root);
            assertThat(again.account(alice.address())).isEqualTo(a);
            assertThat(again.account(bob)).isEqualTo(b);
            assertThat(again.account(alice.address()).nonce()).isEqualTo(2);
            assertThat(again.totals()).isEqualTo(new MtnTotals(Mtn.TOTAL_SUPPLY, TestChain.USERS + 2, 3 * TestChain.BASE_FEE));
        }
    }

    @Test
    void genesisIsAppliedOnlyOnce() throws Exception {
        KeyPair alice = chain.users.get(0);
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            chain.commit(ledger, List.of(chain.transfer(alice, 0, chain.users.get(1).address(), 5)));
        }
        try (Ledger again = Ledger.open(dir, chain.genesis)) {
            assertThat(again.account(alice.address()).balance()).isEqualTo(TestChain.USER_FUNDS - 5 - TestChain.BASE_FEE);
            assertThat(again.sumOfAllBalancesByScan()).isEqualTo(Mtn.TOTAL_SUPPLY);
        }
    }

    @Test
    void aDifferentGenesisIsRefusedOnReopen() throws Exception {
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            assertThat(ledger.height()).isZero();
        }
        TestChain other = new TestChain("mc-other");
        assertThatThrownBy(() -> Ledger.open(dir, other.genesis))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("belongs to genesis " + chain.genesis.hash())
                .hasMessageContaining(other.genesis.hash().toString());
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            assertThat(ledger.height()).isZero();
        }
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefusedWhileTheFirstIsOpen() throws Exception {
        try (Ledger first = Ledger.open(dir, chain.genesis)) {
            assertThatThrownBy(() -> Ledger.open(dir, chain.genesis))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("data directory " + dir.toAbsolutePath() + " is in use by another process");
            assertThat(first.height()).isZero();
        }
        try (Ledger again = Ledger.open(dir, chain.genesis)) {
            assertThat(again.height()).isZero();
        }
    }
}
