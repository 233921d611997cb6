package io.mutualchain.pbft;

import io.mutualchain.core.crypto.PublicKey;
import java.util.List;

/**
 * The engine has proof that blocks it does not hold are final. The daemon should fetch blocks
 * {@code fromHeight..toHeight} (inclusive) with their commit certificates from peers, preferably
 * from {@code holders} (validators known to have them), and hand each one to
 * {@link PbftEngine#synced} in height order. The engine verifies them; the daemon need not.
 */
public record SyncRequest(long fromHeight, long toHeight, List<PublicKey> holders) {
    public SyncRequest {
        if (fromHeight < 1 || toHeight < fromHeight) {
            throw new IllegalArgumentException("sync range must be 1 <= from <= to");
        }
        holders = List.copyOf(holders);
    }
}
