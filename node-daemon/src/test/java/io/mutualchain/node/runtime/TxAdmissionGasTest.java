package io.mutualchain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.Allocation;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.tx.ContractCall;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejectedException;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.node.mempool.MempoolLimits;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admission refuses a transaction whose own gas limit no block of the chain could carry. */
class TxAdmissionGasTest {
    private static final long BLOCK_GAS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aCallAskingForMoreGasThanTheBlockGasLimitIsRefusedWithATypedReason() throws Exception {
        KeyPair validator = KeyPair.fromSeed(seed(1));
        KeyPair sender = KeyPair.fromSeed(seed(2));
        ChainParams params = ChainParams.DEFAULT.withBlockGasLimit(BLOCK_GAS);
        Genesis genesis = new Genesis("mc-admission-gas", 1_700_000_000_000L, List.of(new Validator("node0", validator.publicKey())),
                List.of(new Allocation(sender.address(), Mtn.TOTAL_SUPPLY)), params);
        try (Ledger ledger = Ledger.open(dir, genesis)) {
            Mempool pool = new Mempool(MempoolLimits.DEFAULT, params.baseFee(), params.gasPrice());
            TxAdmission admission = new TxAdmission(genesis, ledger, pool);
            Transaction tooMuch = call(genesis, sender, 0, BLOCK_GAS + 1);
            TxRejectedException e = catchThrowableOfType(() -> admission.admit(tooMuch.encode(), true), TxRejectedException.class);
            assertThat(e.rejection().reason()).isEqualTo(TxRejection.Reason.GAS_OVER_BLOCK_LIMIT);
            assertThat(e.rejection().message()).contains("1000001").contains("block gas limit 1000000");
            assertThat(pool.size()).isZero();
            assertThat(admission.admit(call(genesis, sender, 0, BLOCK_GAS).encode(), false)).isNotNull();
            assertThat(pool.size()).isEqualTo(1);
        }
    }

    private static Transaction call(Genesis g, KeyPair k, long nonce, long gas) {
        return Transaction.sign(g.chainId(), k, nonce, g.params().baseFee(),
                new ContractCall(KeyPair.fromSeed(seed(9)).address(), "spin", new byte[0], 0, gas));
    }

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        s[0] = (byte) b;
        s[1] = 0x61;
        return s;
    }
}
