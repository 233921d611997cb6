package io.mutualchain.pbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.CheckpointProof;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Validator-set changes: an engine orders one epoch (the heights after its base, up to the end the
 * ledger schedules), refuses everything of other epochs, and forgets the records of earlier ones.
 */
class EpochTest {
    private static final int K = 4;
    private final TestChain chain = new TestChain(4, K, 2 * K);

    private PbftEngine engineInEpoch(int i, long base, Hash32 head) {
        return new PbftEngine(chain.config().withEpochBase(base), chain.keys.get(i), chain.validators, b -> Verdict.VALID,
                new TreeMap<>(), base, head, null);
    }

    private CheckpointProof signedProof(long height, Hash32 blockHash, Hash32 root) {
        List<Signed<Checkpoint>> sigs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sigs.add(Signed.sign(new Checkpoint(height, blockHash, root), chain.keys.get(i), TestChain.CHAIN_ID));
        }
        return new CheckpointProof(height, blockHash, root, sigs);
    }

    @Test
    void aViewChangeOfThePreviousEpochIsRefusedEvenWhenItsCheckpointIsAtTheNewBase() {
        Hash32 head = Sha256.hash(new byte[] {8});
        PbftEngine e = engineInEpoch(0, 8, head);
        // In the epoch before, validator 1 asked for view 1 from the checkpoint at 8 that its epoch signed.
        Signed<ViewChange> old = Signed.sign(new ViewChange(1, signedProof(8, head, Hash32.ZERO), List.of(), List.of()),
                chain.keys.get(1), TestChain.CHAIN_ID);

        StepResult r = e.step(chain.keys.get(1).publicKey(), old.encode());

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_VIEW_CHANGE);
        assertThat(r.cause()).contains(ProofCode.CHECKPOINT_AT_BASE_NOT_EMPTY);
        assertThat(r.message()).contains("epoch base 8");
    }

    @Test
    void aViewChangeFromBelowTheEpochBaseIsRefusedAndOneFromTheBaseIsAccepted() {
        PbftEngine e = engineInEpoch(0, 8, Sha256.hash(new byte[] {8}));
        Signed<ViewChange> older = Signed.sign(new ViewChange(1, signedProof(4, Hash32.ZERO, Hash32.ZERO), List.of(), List.of()),
                chain.keys.get(2), TestChain.CHAIN_ID);
        Signed<ViewChange> current = Signed.sign(new ViewChange(1, CheckpointProof.base(8), List.of(), List.of()),
                chain.keys.get(3), TestChain.CHAIN_ID);

        assertThat(e.step(chain.keys.get(2).publicKey(), older.encode()).message()).contains("before this epoch");
        assertThat(e.step(chain.keys.get(3).publicKey(), current.encode()).isAccepted()).isTrue();
    }

    @Test
    void aNewEpochStartsInViewZeroAtItsBaseWithTheNextHeightToOrder() {
        PbftEngine e = engineInEpoch(0, 8, Sha256.hash(new byte[] {8}));

        assertThat(e.view()).isZero();
        assertThat(e.stableCheckpointHeight()).isEqualTo(8);
        assertThat(e.nextProposalHeight()).isEqualTo(9);
        assertThat(e.canPropose()).isTrue();
        assertThat(e.epochEnd()).isEqualTo(PbftEngine.NO_EPOCH_END);
    }

    @Test
    void onceTheEpochEndIsKnownNothingAboveItIsProposedPreparedOrSynced() {
        TestChain one = new TestChain(1, K, 2 * K);
        PbftEngine e = one.engine(0, b -> Verdict.VALID);
        Hash32 prev = TestChain.GENESIS;
        Hash32 root = Hash32.ZERO;
        for (long h = 1; h <= K; h++) {
            if (h == K - 1) {
                e.endEpochAt(K);
            }
            Block b = one.block(h, prev, root, 0, 1000 + h);
            e.propose(b);
            e.advance(e.ready());
            root = TestChain.rootAfter(root, b.hash());
            e.applied(h, b.hash(), root);
            e.advance(e.ready());
            prev = b.hash();
        }

        assertThat(e.epochFinished()).isTrue();
        assertThat(e.canPropose()).isFalse();
        Block next = one.block(K + 1, prev, root, 0, 2000);
        Signed<Prepare> p = Signed.sign(new Prepare(0, K + 1, next.hash()), one.keys.get(0), TestChain.CHAIN_ID);
        assertThat(e.step(one.keys.get(0).publicKey(), p.encode()).reason()).isEqualTo(RejectReason.ABOVE_WINDOW);
        CommitCertificate anyCert = new CommitCertificate(0, K + 1, next.hash(), List.of());
        assertThat(e.synced(next, anyCert).message()).contains("next epoch");
    }

    @Test
    void heightsAboveTheFirstCheckpointAfterTheNextBlockAreRefusedWhileNoEndIsScheduled() {
        // K = 4, L = 8: the window reaches 8, but a change approved in block 1 would end the epoch at 4.
        PbftEngine e = chain.engine(1, b -> Verdict.VALID);
        Block b4 = chain.block(4, TestChain.GENESIS, Hash32.ZERO, 0, 10);
        Block b5 = chain.block(5, TestChain.GENESIS, Hash32.ZERO, 0, 10);
        KeyPair primary = chain.keys.get(0);

        assertThat(e.step(primary.publicKey(), Signed.sign(new PrePrepare(0, 4, b4), primary, TestChain.CHAIN_ID).encode()).isAccepted()).isTrue();
        assertThat(e.step(primary.publicKey(), Signed.sign(new PrePrepare(0, 5, b5), primary, TestChain.CHAIN_ID).encode()).reason())
                .isEqualTo(RejectReason.ABOVE_WINDOW);
    }

    @Test
    void aQuorumOfCheckpointsAboveTheHorizonStartsASyncButDoesNotMoveTheStableCheckpoint() {
        PbftEngine e = chain.engine(1, b -> Verdict.VALID);
        Hash32 far = Sha256.hash(new byte[] {40});
        for (int i : new int[] {0, 2, 3}) {
            e.step(chain.keys.get(i).publicKey(), Signed.sign(new Checkpoint(40, far, Hash32.ZERO), chain.keys.get(i), TestChain.CHAIN_ID).encode());
        }

        assertThat(e.stableCheckpointHeight()).isZero();
        List<SyncRequest> asked = e.ready().syncRequests();
        assertThat(asked).isNotEmpty();
        assertThat(asked.get(asked.size() - 1).toHeight()).isEqualTo(K);
    }

    @Test
    void theEpochEndMustBeACheckpointHeightAboveTheBaseAndCannotMove() {
        PbftEngine e = engineInEpoch(0, 8, Sha256.hash(new byte[] {8}));

        assertThatThrownBy(() -> e.endEpochAt(8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.endEpochAt(10)).isInstanceOf(IllegalArgumentException.class);
        e.endEpochAt(12);
        e.endEpochAt(12);
        assertThatThrownBy(() -> e.endEpochAt(16)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void recordsOfAnEarlierEpochAreDeletedWhenTheNextEpochsEngineStarts() {
        TestChain one = new TestChain(1, K, 2 * K);
        PbftEngine first = one.engine(0, b -> Verdict.VALID);
        TreeMap<String, byte[]> store = new TreeMap<>();
        Block b1 = one.block(1, TestChain.GENESIS, Hash32.ZERO, 0, 1001);
        first.propose(b1);
        for (PersistOp op : first.ready().persist()) {
            store.put(op.key(), op.value());
        }
        assertThat(store).isNotEmpty();

        PbftEngine next = new PbftEngine(one.config().withEpochBase(K), one.keys.get(0), one.validators, b -> Verdict.VALID,
                store, K, Sha256.hash(new byte[] {4}), null);

        List<PersistOp> ops = next.ready().persist();
        List<String> deleted = ops.stream().filter(PersistOp::isDelete).map(PersistOp::key).toList();
        assertThat(deleted).containsExactlyInAnyOrderElementsOf(store.keySet());
        assertThat(ops).filteredOn(op -> !op.isDelete()).extracting(PersistOp::key).containsExactly("pbft/epoch");
        assertThat(next.nextProposalHeight()).isEqualTo(K + 1);
    }

    @Test
    void anEpochBaseThatIsNotACheckpointHeightIsRefused() {
        assertThatThrownBy(() -> chain.config().withEpochBase(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of K");
    }
}
