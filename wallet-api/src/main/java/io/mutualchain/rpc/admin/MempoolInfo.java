package io.mutualchain.rpc.admin;

import io.mutualchain.core.types.Address;
import java.util.List;
import java.util.Objects;

/**
 * What {@code admin_mempool} answers.
 *
 * @param size            pending transactions
 * @param bytes           their encoded bytes
 * @param maxTransactions the pool's bound on transactions
 * @param maxPerSender    the pool's bound on one sender's transactions
 * @param maxBytes        the pool's bound on bytes
 * @param senders         distinct senders with pending transactions
 * @param topSenders      the senders with the most pending transactions, most first (ties by address)
 */
public record MempoolInfo(int size, long bytes, int maxTransactions, int maxPerSender, long maxBytes, int senders, List<Sender> topSenders) {
    public MempoolInfo {
        topSenders = List.copyOf(topSenders);
    }

    /** One sender's pending transactions: how many, and their nonce range. */
    public record Sender(Address address, int count, long lowestNonce, long highestNonce) {
        public Sender {
            Objects.requireNonNull(address, "address");
        }
    }
}
