package io.mutualchain.core.block;

import io.mutualchain.core.tx.ContractCall;
import io.mutualchain.core.tx.ContractDeploy;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxPayload;
import java.util.List;

/**
 * The gas a block is charged against the chain's {@code blockGasLimit}: the gas limits its contract
 * transactions declare, not the gas they end up using. The declared sum is known before anything runs,
 * so a proposer can fill a block and a validator can refuse one without executing it, and it bounds
 * the block's execution time from above. Other kinds of transaction run no contract code; they count
 * zero here and are bounded by {@code maxBlockTxs}.
 */
public final class BlockGas {
    private BlockGas() {
    }

    /** The gas {@code tx} declares: a contract transaction's gas limit, zero for every other kind. */
    public static long of(Transaction tx) {
        TxPayload p = tx.payload();
        if (p instanceof ContractCall c) {
            return c.gasLimit();
        }
        if (p instanceof ContractDeploy d) {
            return d.gasLimit();
        }
        return 0;
    }

    /** The sum over {@code txs}; cannot overflow (at most 100,000 transactions of at most 10,000,000 gas). */
    public static long of(List<Transaction> txs) {
        long sum = 0;
        for (Transaction tx : txs) {
            sum += of(tx);
        }
        return sum;
    }
}
