package io.mutualchain.pbft;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.pbft.message.Commit;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.Signed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several heights in flight inside the window; a backup validates each only after applying its parent. */
class PipeliningTest {
    private final TestChain chain = new TestChain(4, 4, 8);
    private final String id = TestChain.CHAIN_ID;

    private KeyPair key(int i) {
        return chain.keys.get(i);
    }

    @Test
    void aBackupHoldsLaterHeightsUntilTheirParentIsAppliedAndValidatesEachRightAfterItsParentIsApplied() {
        List<Long> asked = new ArrayList<>();
        PbftEngine e = chain.engine(1, b -> {
            asked.add(b.height());
            return Verdict.VALID;
        });
        Block b1 = chain.block(1, TestChain.GENESIS, Hash32.ZERO, 0, 10);
        Hash32 root1 = TestChain.rootAfter(Hash32.ZERO, b1.hash());
        Block b2 = chain.block(2, b1.hash(), root1, 0, 11);
        Block b3 = chain.block(3, b2.hash(), TestChain.rootAfter(root1, b2.hash()), 0, 12);
        for (Block b : List.of(b1, b2, b3)) {
            assertThat(e.step(key(0).publicKey(), Signed.sign(new PrePrepare(0, b.height(), b), key(0), id).encode()).isAccepted()).isTrue();
        }
        assertThat(asked).containsExactly(1L);

        // heights 2 and 3 still collect votes while 1 is being decided
        for (int i = 2; i < 4; i++) {
            for (Block b : List.of(b1, b2)) {
                e.step(key(i).publicKey(), Signed.sign(new Prepare(0, b.height(), b.hash()), key(i), id).encode());
            }
        }
        for (int i : new int[] {0, 2, 3}) {
            e.step(key(i).publicKey(), Signed.sign(new Commit(0, 1, b1.hash()), key(i), id).encode());
        }
        Ready r = e.ready();
        assertThat(r.committed()).extracting(CommittedBlock::height).containsExactly(1L);
        e.advance(r);
        e.applied(1, b1.hash(), root1);
        assertThat(asked).containsExactly(1L, 2L);
        for (int i : new int[] {0, 2, 3}) {
            e.step(key(i).publicKey(), Signed.sign(new Commit(0, 2, b2.hash()), key(i), id).encode());
        }
        e.advance(e.ready());
        e.applied(2, b2.hash(), TestChain.rootAfter(root1, b2.hash()));
        assertThat(asked).containsExactly(1L, 2L, 3L);
    }

    @Test
    void theWindowEndsAtTheStableCheckpointPlusL() {
        // K = L here, so that the epoch horizon (the first checkpoint above the next height, see EpochTest) is not the tighter bound.
        TestChain chain = new TestChain(4, 8, 8);
        PbftEngine e = chain.engine(1, b -> Verdict.VALID);
        Block b8 = chain.block(8, TestChain.GENESIS, Hash32.ZERO, 0, 10);
        Block b9 = chain.block(9, TestChain.GENESIS, Hash32.ZERO, 0, 10);
        assertThat(e.step(key(0).publicKey(), Signed.sign(new PrePrepare(0, 8, b8), key(0), id).encode()).isAccepted()).isTrue();
        assertThat(e.step(key(0).publicKey(), Signed.sign(new PrePrepare(0, 9, b9), key(0), id).encode()).reason())
                .isEqualTo(RejectReason.ABOVE_WINDOW);
    }
}
