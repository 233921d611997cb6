package io.mutualchain.pbft;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.CheckpointProof;
import io.mutualchain.pbft.message.NewView;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A replica that missed the CHECKPOINTs of the others (down while they were sent) must learn it is
 * behind from the stable checkpoint proof inside a VIEW-CHANGE or NEW-VIEW, even though it cannot
 * accept that proof yet: it is above its epoch horizon. The soak's seed 3324 (docs/consensus.md
 * §10) stalled because it did not.
 */
class ProofAheadSyncTest {
    /** n = 4, K = 2: a fresh replica's horizon is height 2, and the proof is at 4. */
    private final LaggardFixture f = new LaggardFixture(4);
    private final TestChain chain = f.chain;

    private Signed<ViewChange> viewChange(int signer, CheckpointProof proof) {
        return Signed.sign(new ViewChange(1, proof, List.of(), List.of()), chain.keys.get(signer), TestChain.CHAIN_ID);
    }

    @Test
    void aViewChangeWhoseStableProofIsAboveTheHorizonIsStillRefusedButMakesTheLaggardSyncUpToItsHorizon() {
        PbftEngine e = f.laggard();
        CheckpointProof proof = f.proofSignedBy(List.of(f.checkpoint(0), f.checkpoint(1), f.checkpoint(2)));

        StepResult r = e.step(chain.keys.get(0).publicKey(), viewChange(0, proof).encode());

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_VIEW_CHANGE);
        assertThat(LaggardFixture.syncRequests(e)).hasSize(1);
        SyncRequest s = LaggardFixture.syncRequests(e).get(0);
        assertThat(s.fromHeight()).isEqualTo(1);
        assertThat(s.toHeight()).isEqualTo(2); // its horizon: above it the blocks may be the next epoch's
        assertThat(e.stableCheckpointHeight()).isZero();
    }

    @Test
    void aNewViewWhoseViewChangesProveACheckpointAboveTheHorizonMakesTheLaggardSync() {
        PbftEngine e = f.laggard();
        CheckpointProof proof = f.proofSignedBy(List.of(f.checkpoint(0), f.checkpoint(1), f.checkpoint(2)));
        List<Signed<ViewChange>> vcs = List.of(viewChange(0, proof), viewChange(1, proof), viewChange(2, proof));
        int primaryOfView1 = chain.keys.indexOf(chain.keys.stream()
                .filter(k -> k.publicKey().equals(chain.validators.primaryOf(1))).findFirst().orElseThrow());
        Signed<NewView> nv = Signed.sign(new NewView(1, vcs, List.of()), chain.keys.get(primaryOfView1), TestChain.CHAIN_ID);

        StepResult r = e.step(chain.keys.get(primaryOfView1).publicKey(), nv.encode());

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_VIEW_CHANGE);
        assertThat(LaggardFixture.syncRequests(e)).extracting(SyncRequest::toHeight).containsExactly(2L);
    }

    @Test
    void aProofAboveTheHorizonWithFewerThanAQuorumOfValidSignaturesStartsNoSync() {
        PbftEngine e = f.laggard();
        List<Signed<Checkpoint>> sigs = new ArrayList<>(List.of(f.checkpoint(0), f.checkpoint(1)));
        // Claims validator 2 signed, with validator 3's signature: it does not verify, so only two count.
        Signed<Checkpoint> forged = f.checkpoint(3);
        sigs.add(new Signed<>(forged.body(), chain.keys.get(2).publicKey(), forged.signature()));

        StepResult r = e.step(chain.keys.get(0).publicKey(), viewChange(0, f.proofSignedBy(sigs)).encode());

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_VIEW_CHANGE);
        assertThat(LaggardFixture.syncRequests(e)).isEmpty();
        // The two valid ones did count: a third CHECKPOINT from another validator completes the quorum.
        e.step(chain.keys.get(2).publicKey(), f.checkpoint(2).encode());
        assertThat(LaggardFixture.syncRequests(e)).extracting(SyncRequest::toHeight).containsExactly(2L);
    }
}
