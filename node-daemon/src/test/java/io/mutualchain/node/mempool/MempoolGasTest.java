package io.mutualchain.node.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.BlockGas;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.ContractCall;
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

/** The pool and gas: blocks are filled up to the block gas limit, and one sender's pending gas is bounded. */
class MempoolGasTest {
    private static final String CHAIN = "test-chain";
    private static final long FEE = 10;
    private static final long CALL_GAS = 4_000_000;
    private final KeyPair alice = KeyPair.fromSeed(seed(1));
    private final KeyPair bob = KeyPair.fromSeed(seed(2));
    private final KeyPair carol = KeyPair.fromSeed(seed(3));
    private final Address contract = KeyPair.fromSeed(seed(9)).address();
    private final Map<Address, Long> balances = new HashMap<>();
    private final AccountState state = new AccountState() {
        @Override
        public long balance(Address address) {
            return balances.getOrDefault(address, 0L);
        }

        @Override
        public long nonce(Address address) {
            return 0;
        }
    };

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        s[0] = (byte) b;
        s[1] = 0x47;
        return s;
    }

    private Transaction call(KeyPair from, long nonce, long gas) {
        return Transaction.sign(CHAIN, from, nonce, FEE, new ContractCall(contract, "spin", new byte[0], 0, gas));
    }

    private Transaction transfer(KeyPair from, long nonce) {
        return Transaction.sign(CHAIN, from, nonce, FEE, new Transfer(contract, 1));
    }

    @Test
    void aBlockIsFilledUpToTheGasLimitAndWhatDoesNotFitStaysPending() {
        for (KeyPair k : List.of(alice, bob, carol)) {
            balances.put(k.address(), 1_000_000_000L);
        }
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        Transaction a0 = call(alice, 0, CALL_GAS);
        Transaction a1 = call(alice, 1, CALL_GAS);
        Transaction b0 = call(bob, 0, CALL_GAS);
        Transaction c0 = transfer(carol, 0);
        Transaction c1 = call(carol, 1, 1_000_000);
        for (Transaction tx : List.of(a0, a1, b0, c0, c1)) {
            assertThat(pool.add(tx, state)).isEmpty();
        }
        // 9,000,000 gas: a0 and b0 (8,000,000) fit; a1 does not, so alice is passed over; carol's transfer uses no gas and her
        // 1,000,000-gas call fills the block exactly.
        List<Transaction> block = pool.takeForBlock(100, Long.MAX_VALUE, 9_000_000);
        assertThat(BlockGas.of(block)).isLessThanOrEqualTo(9_000_000);
        assertThat(block).containsExactlyInAnyOrder(a0, b0, c0, c1);
        assertThat(block.indexOf(c0)).isLessThan(block.indexOf(c1));
        assertThat(pool.size()).as("nothing taken leaves the pool").isEqualTo(5);
        assertThat(pool.takeForBlock(100, Long.MAX_VALUE, 20_000_000)).containsExactlyInAnyOrder(a0, a1, b0, c0, c1);
    }

    @Test
    void aSenderWhoseNextCallDoesNotFitKeepsItsNonceOrder() {
        balances.put(alice.address(), 1_000_000_000L);
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        Transaction big = call(alice, 0, 8_000_000);
        Transaction small = call(alice, 1, 1_000);
        pool.add(big, state);
        pool.add(small, state);
        assertThat(pool.takeForBlock(100, Long.MAX_VALUE, 5_000_000)).as("the small call cannot go before the big one").isEmpty();
    }

    @Test
    void theStartingSenderMovesOnSoAnEarlySenderDoesNotAlwaysTakeTheGas() {
        balances.put(alice.address(), 1_000_000_000L);
        balances.put(bob.address(), 1_000_000_000L);
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        Transaction a0 = call(alice, 0, CALL_GAS);
        Transaction b0 = call(bob, 0, CALL_GAS);
        pool.add(a0, state);
        pool.add(b0, state);
        assertThat(pool.takeForBlock(100, Long.MAX_VALUE, CALL_GAS)).containsExactly(a0);
        assertThat(pool.takeForBlock(100, Long.MAX_VALUE, CALL_GAS)).containsExactly(b0);
    }

    @Test
    void oneSenderCannotQueueMoreGasThanItsShareButOthersAndTransfersStillGetIn() {
        balances.put(alice.address(), 1_000_000_000L);
        balances.put(bob.address(), 1_000_000_000L);
        Mempool pool = new Mempool(new MempoolLimits(1_000, 100, 1 << 20, 10_000_000), FEE);
        assertThat(pool.add(call(alice, 0, CALL_GAS), state)).isEmpty();
        assertThat(pool.add(call(alice, 1, CALL_GAS), state)).isEmpty();
        Optional<TxRejection> third = pool.add(call(alice, 2, CALL_GAS), state);
        assertThat(third).map(TxRejection::reason).contains(Reason.SENDER_LIMIT);
        assertThat(third.get().message()).contains("8000000 gas pending").contains("mempool.maxGasPerSender");
        assertThat(pool.add(transfer(alice, 2), state)).as("a transfer declares no gas").isEmpty();
        assertThat(pool.add(call(bob, 0, CALL_GAS), state)).as("another sender has its own share").isEmpty();
    }
}
