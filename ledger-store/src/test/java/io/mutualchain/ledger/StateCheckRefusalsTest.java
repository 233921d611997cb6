package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejection.Reason;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateCheckRefusalsTest {
    @TempDir
    Path dir;

    final TestChain chain = new TestChain();
    Ledger ledger;
    KeyPair alice;
    Address bob;

    @BeforeEach
    void open() throws Exception {
        ledger = Ledger.open(dir, chain.genesis);
        alice = chain.users.get(0);
        bob = chain.users.get(1).address();
        chain.commit(ledger, List.of(chain.transfer(alice, 0, bob, 1)));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void aTransferWithAReplayedNonceIsRefused() {
        assertThat(ledger.checkAgainstState(chain.transfer(alice, 0, bob, 1)))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Reason.NONCE_TOO_LOW));
    }

    @Test
    void aTransferWithANonceFromTheFutureIsRefused() {
        assertThat(ledger.checkAgainstState(chain.transfer(alice, 2, bob, 1)))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Reason.NONCE_TOO_HIGH));
    }

    @Test
    void aTransferThatCannotPayAmountPlusFeeIsRefused() {
        long balance = ledger.account(alice.address()).balance();
        assertThat(ledger.checkAgainstState(chain.transfer(alice, 1, bob, balance - TestChain.BASE_FEE + 1)))
                .hasValueSatisfying(r -> {
                    assertThat(r.reason()).isEqualTo(Reason.INSUFFICIENT_BALANCE);
                    assertThat(r.message()).contains(Long.toString(balance));
                });
        assertThat(ledger.checkAgainstState(chain.transfer(alice, 1, bob, balance - TestChain.BASE_FEE))).isEmpty();
    }

    @Test
    void anAccountNobodyFundedCannotSendAnything() {
        KeyPair stranger = TestChain.key(250);
        assertThat(ledger.checkAgainstState(chain.transfer(stranger, 0, bob, 1)))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Reason.INSUFFICIENT_BALANCE));
    }

    @Test
    void aFailingTransactionInACommittedBlockGetsAFailedReceiptAndChangesNothing() throws Exception {
        Account aliceBefore = ledger.account(alice.address());
        Account proposerBefore = ledger.account(chain.proposerAddress());
        Transaction tooMuch = chain.transfer(alice, 1, bob, 2 * TestChain.USER_FUNDS);
        Transaction replay = chain.transfer(alice, 0, bob, 1);
        Transaction ok = chain.transfer(alice, 1, bob, 3);
        List<Receipt> receipts = chain.commit(ledger, List.of(tooMuch, replay, ok));

        assertThat(receipts).extracting(Receipt::status)
                .containsExactly(Receipt.Status.FAILED, Receipt.Status.FAILED, Receipt.Status.SUCCESS);
        assertThat(receipts.get(0).error()).startsWith("INSUFFICIENT_BALANCE");
        assertThat(receipts.get(0).feePaid()).isZero();
        assertThat(receipts.get(1).error()).startsWith("NONCE_TOO_LOW");
        assertThat(ledger.account(alice.address())).isEqualTo(new Account(aliceBefore.balance() - 3 - TestChain.BASE_FEE, 2));
        assertThat(ledger.account(chain.proposerAddress()).balance()).isEqualTo(proposerBefore.balance() + TestChain.BASE_FEE);
        assertThat(ledger.sumOfAllBalancesByScan()).isEqualTo(Mtn.TOTAL_SUPPLY);
        // The replay's id is that of the transaction committed at height 1: its index keeps pointing there.
        assertThat(ledger.receipt(replay.id())).hasValueSatisfying(r -> {
            assertThat(r.height()).isEqualTo(1);
            assertThat(r.succeeded()).isTrue();
        });
        assertThat(ledger.receipt(tooMuch.id())).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(Receipt.Status.FAILED));
        assertThat(ledger.lastCommitStats().failedTxs()).isEqualTo(2);
    }

    @Test
    void aTransferToOneselfOnlyCostsTheFee() throws Exception {
        Account before = ledger.account(alice.address());
        chain.commit(ledger, List.of(chain.transfer(alice, 1, alice.address(), 500)));
        assertThat(ledger.account(alice.address())).isEqualTo(new Account(before.balance() - TestChain.BASE_FEE, before.nonce() + 1));
    }
}
