package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CodecException;
import java.util.Optional;

/**
 * The checks a transaction must pass before anything reads the ledger: it decodes canonically, fits
 * the size limit, names this chain, pays at least the base fee, and is signed by its sender. Cheapest
 * first, so that the signature (the expensive part) is checked last.
 */
public final class StatelessChecks {
    private StatelessChecks() {
    }

    /** Decodes and checks raw bytes as received from a wallet or a peer. */
    public static Transaction decodeAndCheck(byte[] raw, String chainId, int maxTxBytes, long baseFee) throws TxRejectedException {
        if (raw.length > maxTxBytes) {
            throw new TxRejectedException(TxRejection.of(TxRejection.Reason.TOO_LARGE,
                    "transaction is " + raw.length + " bytes; the limit is " + maxTxBytes));
        }
        Transaction tx;
        try {
            tx = Transaction.decode(raw);
        } catch (CodecException e) {
            throw new TxRejectedException(TxRejection.of(TxRejection.Reason.MALFORMED, "transaction does not decode: " + e.getMessage()));
        }
        Optional<TxRejection> bad = check(tx, chainId, maxTxBytes, baseFee);
        if (bad.isPresent()) {
            throw new TxRejectedException(bad.get());
        }
        return tx;
    }

    public static Optional<TxRejection> check(Transaction tx, String chainId, int maxTxBytes, long baseFee) {
        if (tx.encodedSize() > maxTxBytes) {
            return Optional.of(TxRejection.of(TxRejection.Reason.TOO_LARGE,
                    "transaction is " + tx.encodedSize() + " bytes; the limit is " + maxTxBytes));
        }
        if (!tx.chainId().equals(chainId)) {
            return Optional.of(TxRejection.of(TxRejection.Reason.WRONG_CHAIN,
                    "transaction is for chain '" + tx.chainId() + "', this is chain '" + chainId + "'"));
        }
        if (tx.maxFee() < baseFee) {
            return Optional.of(TxRejection.of(TxRejection.Reason.FEE_TOO_LOW,
                    "max fee " + tx.maxFee() + " is below the base fee " + baseFee + " (base units)"));
        }
        if (!tx.hasValidSignature()) {
            return Optional.of(TxRejection.of(TxRejection.Reason.BAD_SIGNATURE,
                    "signature does not verify for sender " + tx.senderAddress()));
        }
        return Optional.empty();
    }
}
