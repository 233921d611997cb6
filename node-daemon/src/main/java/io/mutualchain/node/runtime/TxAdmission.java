package io.mutualchain.node.runtime;

import io.mutualchain.core.block.BlockGas;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejectedException;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.node.mempool.Mempool;
import java.util.Optional;

/**
 * The one admission path for a raw transaction, whether a wallet or a peer sent it: decode, the
 * chain's gas bound on one transaction, the stateless checks (through the ledger's verified-transaction cache, so the block that later carries
 * it is not signature-checked again), not already committed, then the pool's checks against
 * committed state.
 */
final class TxAdmission {
    private final Genesis genesis;
    private final Ledger ledger;
    private final Mempool mempool;
    private final LedgerAccounts accounts;

    TxAdmission(Genesis genesis, Ledger ledger, Mempool mempool) {
        this.genesis = genesis;
        this.ledger = ledger;
        this.mempool = mempool;
        this.accounts = new LedgerAccounts(ledger);
    }

    /**
     * @param ruleCheck also refuse what a ledger rule would refuse against the committed state (a
     *                  wallet's transaction: refused here, before it costs a fee, with the reason its
     *                  receipt would give); a peer's transaction skips it and is judged in its block
     */
    Transaction admit(byte[] raw, boolean ruleCheck) throws TxRejectedException {
        ChainParams p = genesis.params();
        if (raw.length > p.maxTxBytes()) {
            throw new TxRejectedException(TxRejection.of(TxRejection.Reason.TOO_LARGE,
                    "transaction is " + raw.length + " bytes; the limit is " + p.maxTxBytes()));
        }
        Transaction tx;
        try {
            tx = Transaction.decode(raw);
        } catch (CodecException e) {
            throw new TxRejectedException(TxRejection.of(TxRejection.Reason.MALFORMED, "transaction does not decode: " + e.getMessage()));
        }
        long gas = BlockGas.of(tx);
        if (gas > p.blockGasLimit()) {
            throw new TxRejectedException(TxRejection.of(TxRejection.Reason.GAS_OVER_BLOCK_LIMIT, "the transaction's gas limit " + gas
                    + " is above the chain's block gas limit " + p.blockGasLimit() + "; no block could carry it"));
        }
        if (mempool.contains(tx.id())) {
            // Checked first: gossip brings most transactions more than once, and this is the cheap test.
            throw new TxRejectedException(TxRejection.of(TxRejection.Reason.DUPLICATE, "transaction " + tx.id() + " is already pending"));
        }
        Optional<TxRejection> bad = ledger.checkStateless(tx);
        if (bad.isEmpty() && ruleCheck) {
            bad = ledger.checkRules(tx);
        }
        if (bad.isPresent()) {
            throw new TxRejectedException(bad.get());
        }
        if (ledger.transaction(tx.id()).isPresent()) {
            throw new TxRejectedException(TxRejection.of(TxRejection.Reason.DUPLICATE, "transaction " + tx.id() + " is already committed"));
        }
        Optional<TxRejection> refused = mempool.add(tx, accounts);
        if (refused.isPresent()) {
            throw new TxRejectedException(refused.get());
        }
        return tx;
    }
}
