package io.mutualchain.node.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.tx.TxRejection.Reason;
import io.mutualchain.core.types.Address;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MempoolTest {
    private static final String CHAIN = "test-chain";
    private static final long FEE = 10;
    private final KeyPair alice = KeyPair.fromSeed(seed(1));
    private final KeyPair bob = KeyPair.fromSeed(seed(2));
    private final Address carol = KeyPair.fromSeed(seed(3)).address();
    private final FakeState state = new FakeState();

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        s[0] = (byte) b;
        return s;
    }

    private Transaction transfer(KeyPair from, long nonce, long amount) {
        return Transaction.sign(CHAIN, from, nonce, FEE, new Transfer(carol, amount));
    }

    @Test
    void transactionsAreAdmittedInNonceOrderAndTakenInThatOrder() {
        state.fund(alice.address(), 1_000);
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        Transaction t0 = transfer(alice, 0, 100);
        Transaction t1 = transfer(alice, 1, 100);
        assertThat(pool.add(t0, state)).isEmpty();
        assertThat(pool.add(t1, state)).isEmpty();
        assertThat(pool.take(10, Long.MAX_VALUE)).containsExactly(t0, t1);
    }

    @Test
    void aNonceGapIsRefusedAsTooHigh() {
        state.fund(alice.address(), 1_000);
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        Optional<TxRejection> r = pool.add(transfer(alice, 1, 100), state);
        assertThat(r).map(TxRejection::reason).contains(Reason.NONCE_TOO_HIGH);
        assertThat(r.get().message()).contains("next nonce").contains("is 0");
    }

    @Test
    void aUsedNonceIsRefusedAsTooLow() {
        state.fund(alice.address(), 1_000);
        state.nonces.put(alice.address(), 3L);
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        assertThat(pool.add(transfer(alice, 2, 100), state)).map(TxRejection::reason).contains(Reason.NONCE_TOO_LOW);
    }

    @Test
    void theSameTransactionTwiceIsADuplicate() {
        state.fund(alice.address(), 1_000);
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        Transaction t0 = transfer(alice, 0, 100);
        pool.add(t0, state);
        assertThat(pool.add(t0, state)).map(TxRejection::reason).contains(Reason.DUPLICATE);
    }

    @Test
    void pendingSpendingCountsAgainstTheBalance() {
        state.fund(alice.address(), 250);
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        assertThat(pool.add(transfer(alice, 0, 100), state)).isEmpty();
        assertThat(pool.add(transfer(alice, 1, 100), state)).isEmpty();
        assertThat(pool.add(transfer(alice, 2, 100), state)).map(TxRejection::reason).contains(Reason.INSUFFICIENT_BALANCE);
    }

    @Test
    void aFullPoolRefusesNewTransactionsAndKeepsTheOnesItAccepted() {
        state.fund(alice.address(), 1_000);
        state.fund(bob.address(), 1_000);
        Mempool pool = new Mempool(new MempoolLimits(1, 10, 1 << 20), FEE);
        Transaction t0 = transfer(alice, 0, 100);
        assertThat(pool.add(t0, state)).isEmpty();
        assertThat(pool.add(transfer(bob, 0, 100), state)).map(TxRejection::reason).contains(Reason.POOL_FULL);
        assertThat(pool.contains(t0.id())).isTrue();
    }

    @Test
    void oneSenderCannotHoldMoreThanItsShare() {
        state.fund(alice.address(), 1_000_000);
        Mempool pool = new Mempool(new MempoolLimits(100, 2, 1 << 20), FEE);
        pool.add(transfer(alice, 0, 1), state);
        pool.add(transfer(alice, 1, 1), state);
        assertThat(pool.add(transfer(alice, 2, 1), state)).map(TxRejection::reason).contains(Reason.SENDER_LIMIT);
    }

    @Test
    void takingRespectsTheCountAndByteLimitsAndInterleavesSenders() {
        state.fund(alice.address(), 1_000);
        state.fund(bob.address(), 1_000);
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        Transaction a0 = transfer(alice, 0, 1);
        Transaction a1 = transfer(alice, 1, 1);
        Transaction b0 = transfer(bob, 0, 1);
        pool.add(a0, state);
        pool.add(a1, state);
        pool.add(b0, state);
        assertThat(pool.take(2, Long.MAX_VALUE)).containsExactly(a0, b0);
        assertThat(pool.take(10, a0.encodedSize())).containsExactly(a0);
    }

    @Test
    void committedAndStaleTransactionsLeaveThePool() {
        state.fund(alice.address(), 1_000);
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        Transaction t0 = transfer(alice, 0, 1);
        Transaction t1 = transfer(alice, 1, 1);
        Transaction t2 = transfer(alice, 2, 1);
        pool.add(t0, state);
        pool.add(t1, state);
        pool.add(t2, state);
        state.nonces.put(alice.address(), 2L);
        pool.removeCommitted(List.of(t0), state);
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.contains(t2.id())).isTrue();
        assertThat(pool.bytes()).isEqualTo(t2.encodedSize());
    }

    @Test
    void transactionsTheLedgerAlreadyCommittedDoNotBlockTheNextNonce() {
        state.fund(alice.address(), 1_000);
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        pool.add(transfer(alice, 0, 1), state);
        pool.add(transfer(alice, 1, 1), state);
        // The ledger committed nonce 0 and 1; the consensus thread has not cleaned the pool yet.
        state.nonces.put(alice.address(), 2L);
        assertThat(pool.add(transfer(alice, 2, 1), state)).isEmpty();
        assertThat(pool.add(transfer(alice, 4, 1), state)).map(TxRejection::reason).contains(Reason.NONCE_TOO_HIGH);
    }

    @Test
    void aPendingTransactionIsDueForRegossipOnlyAfterTheInterval() {
        state.fund(alice.address(), 1_000);
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        Transaction t0 = transfer(alice, 0, 1);
        pool.add(t0, state);
        long now = System.nanoTime();
        long interval = 1_000_000_000L;
        assertThat(pool.dueForRegossip(now, interval, 10)).isEmpty();
        assertThat(pool.dueForRegossip(now + interval, interval, 10)).containsExactly(t0);
        assertThat(pool.dueForRegossip(now + interval + 1, interval, 10)).as("just re-gossiped").isEmpty();
        pool.removeCommitted(List.of(t0), state);
        assertThat(pool.dueForRegossip(now + 10 * interval, interval, 10)).isEmpty();
    }

    private static final class FakeState implements AccountState {
        final Map<Address, Long> balances = new HashMap<>();
        final Map<Address, Long> nonces = new HashMap<>();

        void fund(Address a, long amount) {
            balances.put(a, amount);
        }

        @Override
        public long balance(Address address) {
            return balances.getOrDefault(address, 0L);
        }

        @Override
        public long nonce(Address address) {
            return nonces.getOrDefault(address, 0L);
        }
    }
}
