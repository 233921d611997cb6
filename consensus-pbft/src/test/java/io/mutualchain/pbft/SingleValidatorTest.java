package io.mutualchain.pbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.Hash32;
import java.util.List;
import org.junit.jupiter.api.Test;

class SingleValidatorTest {
    private final TestChain chain = new TestChain(1, 4, 8);
    private final PbftEngine engine = chain.engine(0, b -> Verdict.VALID);

    @Test
    void aSingleValidatorCommitsItsProposalInTheSameReadyWithAOneSignatureCertificate() {
        assertThat(engine.canPropose()).isTrue();
        assertThat(engine.nextProposalHeight()).isEqualTo(1);
        Block b = chain.block(1, TestChain.GENESIS, Hash32.ZERO, 0, 1000);
        engine.propose(b);

        assertThat(engine.hasReady()).isTrue();
        Ready r = engine.ready();
        assertThat(r.committed()).hasSize(1);
        CommittedBlock c = r.committed().get(0);
        assertThat(c.block()).isEqualTo(b);
        assertThat(c.certificate().signatures()).hasSize(1);
        assertThat(c.certificate().verify(TestChain.CHAIN_ID, chain.validators.keys(), 1, b.hash(), 1).isOk()).isTrue();
        assertThat(r.persist()).extracting(PersistOp::key).contains("pbft/pp/00000000000000000001", "pbft/c/00000000000000000001");
        engine.advance(r);
        assertThat(engine.hasReady()).isFalse();
    }

    @Test
    void theNextHeightCanOnlyBeProposedAfterTheLedgerAppliedThePreviousOne() {
        Block b1 = chain.block(1, TestChain.GENESIS, Hash32.ZERO, 0, 1000);
        engine.propose(b1);
        engine.advance(engine.ready());
        assertThat(engine.canPropose()).isFalse();
        assertThat(engine.nextProposalHeight()).isEqualTo(2);

        engine.applied(1, b1.hash(), TestChain.rootAfter(Hash32.ZERO, b1.hash()));
        assertThat(engine.canPropose()).isTrue();
        assertThat(engine.nextProposalHeight()).isEqualTo(2);
    }

    @Test
    void aSingleValidatorCommitsAChainAndItsCheckpointsBecomeStable() {
        Hash32 prev = TestChain.GENESIS;
        Hash32 root = Hash32.ZERO;
        for (long h = 1; h <= 20; h++) {
            Block b = chain.block(h, prev, root, 0, 1000 + h);
            engine.propose(b);
            Ready r = engine.ready();
            assertThat(r.committed()).extracting(CommittedBlock::height).containsExactly(h);
            engine.advance(r);
            root = TestChain.rootAfter(root, b.hash());
            engine.applied(h, b.hash(), root);
            engine.advance(engine.ready());
            prev = b.hash();
        }
        assertThat(engine.lastCommittedHeight()).isEqualTo(20);
        assertThat(engine.stableCheckpointHeight()).isEqualTo(20);
    }

    @Test
    void aProposalWithTheWrongHeightOrParentIsRefusedAsADaemonBug() {
        assertThatThrownBy(() -> engine.propose(chain.block(2, TestChain.GENESIS, Hash32.ZERO, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.propose(chain.block(1, Hash32.ZERO, Hash32.ZERO, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void garbageIsRefusedAsMalformedWithoutThrowing() {
        StepResult r = engine.step(chain.keys.get(0).publicKey(), new byte[] {9, 9, 9});
        assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(engine.step(chain.keys.get(0).publicKey(), new byte[0]).reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(engine.step(chain.keys.get(0).publicKey(), null).reason()).isEqualTo(RejectReason.MALFORMED);
    }

    @Test
    void aRestartedSingleValidatorReCommitsTheBlockItHadProposedInsteadOfProposingAnother() {
        java.util.TreeMap<String, byte[]> store = new java.util.TreeMap<>();
        Block b1 = chain.block(1, TestChain.GENESIS, Hash32.ZERO, 0, 1000);
        engine.propose(b1);
        Ready r = engine.ready();
        for (PersistOp op : r.persist()) {
            if (op.isDelete()) {
                store.remove(op.key());
            } else {
                store.put(op.key(), op.value());
            }
        }
        // crash before the ledger applied block 1: the ledger is still at genesis
        PbftEngine restarted = new PbftEngine(chain.config(), chain.keys.get(0), chain.validators, b -> Verdict.VALID, store, 0, TestChain.GENESIS);
        assertThat(restarted.nextProposalHeight()).isEqualTo(2);
        assertThat(restarted.canPropose()).isFalse();
        Ready again = restarted.ready();
        assertThat(again.committed()).extracting(CommittedBlock::block).containsExactly(b1);
        restarted.advance(again);
        restarted.applied(1, b1.hash(), TestChain.rootAfter(Hash32.ZERO, b1.hash()));
        assertThat(restarted.canPropose()).isTrue();
        assertThat(List.copyOf(store.keySet())).contains("pbft/pp/00000000000000000001");
    }
}
