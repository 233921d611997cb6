package io.mutualchain.node.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.AssetEventCode;
import io.mutualchain.core.tx.Join;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxPayload;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import org.junit.jupiter.api.Test;

/** The pool's balance check counts what each ledger kind takes from its sender: a join its fee, an asset event only the base fee. */
class MempoolLedgerKindsTest {
    private static final long FEE = 10;
    private final KeyPair alice = KeyPair.fromSeed(new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 1});

    private final class OneAccount implements AccountState {
        final long balance;

        OneAccount(long balance) {
            this.balance = balance;
        }

        @Override
        public long balance(Address address) {
            return address.equals(alice.address()) ? balance : 0;
        }

        @Override
        public long nonce(Address address) {
            return 0;
        }
    }

    private Transaction tx(long nonce, TxPayload p) {
        return Transaction.sign("c", alice, nonce, FEE, p);
    }

    @Test
    void aJoinNeedsItsFeePlusTheBaseFee() {
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        Join join = new Join(Sha256.hash("p".getBytes()), Mtn.UNIT);
        assertThat(pool.add(tx(0, join), new OneAccount(Mtn.UNIT + FEE - 1)))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(TxRejection.Reason.INSUFFICIENT_BALANCE));
        assertThat(pool.add(tx(0, join), new OneAccount(Mtn.UNIT + FEE))).isEmpty();
    }

    @Test
    void assetEventsTakeOnlyTheBaseFeeAndCountWithPendingOnes() {
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        OneAccount twoFees = new OneAccount(2 * FEE);
        assertThat(pool.add(tx(0, AssetEvent.depositRequest(Sha256.hash("a".getBytes()), "CNY", 1_000_000, null)), twoFees)).isEmpty();
        assertThat(pool.add(tx(1, AssetEvent.simple(AssetEventCode.E10, Sha256.hash("a".getBytes()), null)), twoFees)).isEmpty();
        assertThat(pool.add(tx(2, AssetEvent.simple(AssetEventCode.E10, Sha256.hash("a".getBytes()), null)), twoFees))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(TxRejection.Reason.INSUFFICIENT_BALANCE));
    }
}
