package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.types.Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RPC-style readers run while blocks are committed; every multi-read answer must come from one commit. */
class ConcurrentReadsTest {
    static final int READERS = 2;
    static final int BLOCKS = 15;

    @TempDir
    Path dir;

    @Test
    void proofsAndBlocksReadDuringCommitsAreAlwaysConsistent() throws Exception {
        TestChain chain = new TestChain();
        KeyPair alice = chain.users.get(0);
        Address bob = chain.users.get(1).address();
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        AtomicBoolean done = new AtomicBoolean();
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(() -> {
                    int checks = 0;
                    // At least one round even if the writer finishes first, so the test always checks something.
                    do {
                        AccountProof p = ledger.proveAccount(alice.address());
                        assertThat(p.verify(p.stateRoot())).isTrue();
                        long h = ledger.height();
                        if (h > 0) {
                            StoredBlock b = ledger.blockByHeight(h).orElseThrow();
                            assertThat(b.certificate().blockHash()).isEqualTo(b.block().hash());
                        }
                        checks++;
                    } while (!done.get());
                    return checks;
                }));
            }
            for (int i = 0; i < BLOCKS; i++) {
                chain.commit(ledger, List.of(chain.transfer(alice, i, bob, 1)));
            }
            done.set(true);
            for (Future<Integer> f : readers) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
            }
            assertThat(ledger.height()).isEqualTo(BLOCKS);
        } finally {
            pool.shutdownNow();
        }
    }
}
