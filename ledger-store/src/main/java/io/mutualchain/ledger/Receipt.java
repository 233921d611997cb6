package io.mutualchain.ledger;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.types.Mtn;

/**
 * The outcome of a committed transaction. A FAILED transaction changed nothing (no fee, no nonce
 * step) and {@code error} says why; a REJECTED one paid its fee and used its nonce but a ledger rule
 * refused it, and {@code error} says which; on SUCCESS {@code error} is empty.
 * Encoding (canonical codec): tx id, height (uint), index (uint), block hash, status (u8: 0 success,
 * 1 failed, 2 rejected), error (string of at most {@link #MAX_ERROR_BYTES}), fee paid (uint), then a
 * presence byte and, for a contract transaction that ran, its {@link ContractReceipt}.
 *
 * <p>A contract run that reverts, runs out of gas or traps is REJECTED: it paid its fee (base fee plus
 * gas used × gas price) and used its nonce, and its {@code contract} part says how it ended.
 */
public record Receipt(Hash32 txId, long height, int index, Hash32 blockHash, Status status, String error, long feePaid,
                      ContractReceipt contract) {
    /** Bounds the stored error text; longer messages are cut by the executor before this is built. */
    public static final int MAX_ERROR_BYTES = 1024;

    /** SUCCESS; FAILED: invalid, changed nothing; REJECTED: a ledger rule refused it, it paid the fee and used its nonce. */
    public enum Status {
        SUCCESS,
        FAILED,
        REJECTED
    }

    /** A receipt of a transaction that ran no contract. */
    public Receipt(Hash32 txId, long height, int index, Hash32 blockHash, Status status, String error, long feePaid) {
        this(txId, height, index, blockHash, status, error, feePaid, null);
    }

    public Receipt {
        if (status == Status.SUCCESS && !error.isEmpty()) {
            throw new IllegalArgumentException("a successful receipt carries no error");
        }
        if (status == Status.FAILED && (error.isEmpty() || feePaid != 0)) {
            throw new IllegalArgumentException("a failed receipt says why and pays no fee");
        }
        if (status == Status.REJECTED && error.isEmpty()) {
            throw new IllegalArgumentException("a rejected receipt says why");
        }
        if (feePaid < 0 || feePaid > Mtn.TOTAL_SUPPLY) {
            throw new IllegalArgumentException("fee out of range: " + feePaid);
        }
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }

    /** Whether it ran (succeeded or was rejected by a rule): its nonce is used and a replay can only fail. */
    public boolean executed() {
        return status != Status.FAILED;
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(96 + error.length());
        txId.write(w);
        w.uint(height).uint(index);
        blockHash.write(w);
        w.u8(status.ordinal());
        w.string(error);
        w.uint(feePaid);
        w.bool(contract != null);
        if (contract != null) {
            contract.write(w);
        }
        return w.toByteArray();
    }

    public static Receipt decode(byte[] bytes) {
        return Decoding.strict(bytes, "receipt", Receipt::read);
    }

    private static Receipt read(CanonicalReader r) {
        Hash32 txId = Hash32.read(r, "receipt.txId");
        long height = r.uint("receipt.height", Long.MAX_VALUE);
        int index = r.uintAsInt("receipt.index", Integer.MAX_VALUE);
        Hash32 blockHash = Hash32.read(r, "receipt.blockHash");
        int s = r.u8("receipt.status");
        if (s >= Status.values().length) {
            throw new CodecException("receipt.status: unknown status " + s);
        }
        String error = r.string("receipt.error", MAX_ERROR_BYTES);
        long fee = r.uint("receipt.feePaid", Mtn.TOTAL_SUPPLY);
        ContractReceipt contract = r.bool("receipt.contract present") ? ContractReceipt.read(r) : null;
        return new Receipt(txId, height, index, blockHash, Status.values()[s], error, fee, contract);
    }
}
