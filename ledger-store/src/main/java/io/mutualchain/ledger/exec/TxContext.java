package io.mutualchain.ledger.exec;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.types.Address;

/**
 * What a transaction's rules may look at besides state: the transaction, the block's height, time
 * and proposer, and genesis. Time is the block header's timestamp; nothing reads a clock.
 */
public record TxContext(Transaction tx, long height, long timeMs, Address proposer, Genesis genesis, ValidatorSet validators) {
    /** Milliseconds in a block-time day (UTC days of header timestamps). */
    public static final long DAY_MS = 86_400_000L;

    public Address sender() {
        return tx.senderAddress();
    }

    public PublicKey senderKey() {
        return tx.sender();
    }

    public Hash32 txId() {
        return tx.id();
    }

    public long baseFee() {
        return genesis.params().baseFee();
    }

    public long day() {
        return timeMs / DAY_MS;
    }
}
