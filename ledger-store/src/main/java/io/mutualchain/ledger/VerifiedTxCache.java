package io.mutualchain.ledger;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.tx.StatelessChecks;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the ids of transactions that passed {@link StatelessChecks} for this chain, so that a
 * block checked in {@code validateProposal} is not signature-checked again in {@code commit}. A
 * transaction id is the hash of the whole encoding, signature included, so an id that verified once
 * always verifies. Bounded: the oldest ids are forgotten first, which only costs a re-check.
 */
final class VerifiedTxCache {
    private final String chainId;
    private final int maxTxBytes;
    private final long baseFee;
    private final int capacity;
    private final Map<Hash32, Boolean> ids;

    VerifiedTxCache(String chainId, int maxTxBytes, long baseFee, int capacity) {
        this.chainId = chainId;
        this.maxTxBytes = maxTxBytes;
        this.baseFee = baseFee;
        this.capacity = capacity;
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash32, Boolean> eldest) {
                return size() > VerifiedTxCache.this.capacity;
            }
        };
    }

    Optional<TxRejection> check(Transaction tx) {
        synchronized (ids) {
            if (ids.containsKey(tx.id())) {
                return Optional.empty();
            }
        }
        Optional<TxRejection> bad = StatelessChecks.check(tx, chainId, maxTxBytes, baseFee);
        if (bad.isEmpty()) {
            synchronized (ids) {
                ids.put(tx.id(), Boolean.TRUE);
            }
        }
        return bad;
    }
}
