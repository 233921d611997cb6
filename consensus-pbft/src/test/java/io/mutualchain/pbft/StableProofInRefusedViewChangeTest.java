package io.mutualchain.pbft;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.CheckpointProof;
import io.mutualchain.pbft.message.NewView;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.PrePrepareDigest;
import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.PreparedCert;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A replica that restarted at height 0 after the others made checkpoint 2 stable (it missed those
 * CHECKPOINTs while down) sees the others' VIEW-CHANGEs carry that proof, which is inside its
 * horizon, together with a prepared certificate at 3, which is above it: the VIEW-CHANGE is refused,
 * but its proof must still make checkpoint 2 stable and start the sync of 1..2, after which the
 * horizon moves and the certificate fits. ByzantinePrimaryTest seed 39 with store faults
 * (docs/consensus.md §10) stalled because the laggards learned nothing from such refused messages.
 */
class StableProofInRefusedViewChangeTest {
    /** n = 4, K = 2: a fresh replica's horizon is height 2, and the proof is at 2. */
    private final LaggardFixture f = new LaggardFixture(2);
    private final TestChain chain = f.chain;

    /** Block 3 prepared in view 0 by its primary and two backups: above a fresh replica's horizon. */
    private PreparedCert preparedAtThree() {
        Block three = chain.block(3, f.blockAtProof, f.rootAtProof, 0, 3_000);
        int primary = indexOf(chain.validators.primaryOf(0));
        Signed<PrePrepare> pp = Signed.sign(new PrePrepare(0, 3, three), chain.keys.get(primary), TestChain.CHAIN_ID);
        List<Signed<Prepare>> prepares = new ArrayList<>();
        for (int i = 0; i < chain.keys.size() && prepares.size() < 2; i++) {
            if (i != primary && i != 3) {
                prepares.add(Signed.sign(new Prepare(0, 3, three.hash()), chain.keys.get(i), TestChain.CHAIN_ID));
            }
        }
        return new PreparedCert(PrePrepareDigest.of(pp), prepares);
    }

    private int indexOf(io.mutualchain.core.crypto.PublicKey k) {
        for (int i = 0; i < chain.keys.size(); i++) {
            if (chain.keys.get(i).publicKey().equals(k)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a validator");
    }

    private Signed<ViewChange> viewChange(int signer, CheckpointProof proof) {
        return Signed.sign(new ViewChange(1, proof, List.of(preparedAtThree()), List.of()), chain.keys.get(signer), TestChain.CHAIN_ID);
    }

    @Test
    void aViewChangeRefusedForACertificateAboveTheHorizonStillMakesItsStableProofStableAndTheLaggardSyncsUpToIt() {
        PbftEngine e = f.laggard();

        StepResult r = e.step(chain.keys.get(0).publicKey(), viewChange(0, f.quorumProof()).encode());

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_VIEW_CHANGE);
        assertThat(r.cause()).contains(ProofCode.PREPARED_BEYOND_HORIZON);
        assertThat(e.stableCheckpointHeight()).isEqualTo(f.proofHeight);
        assertThat(LaggardFixture.syncRequests(e)).singleElement().satisfies(s -> {
            assertThat(s.fromHeight()).isEqualTo(1);
            assertThat(s.toHeight()).isEqualTo(f.proofHeight);
        });
    }

    @Test
    void aNewViewRefusedForTheSameReasonMakesTheProofOfItsViewChangesStable() {
        PbftEngine e = f.laggard();
        List<Signed<ViewChange>> vcs = List.of(viewChange(0, f.quorumProof()), viewChange(1, f.quorumProof()), viewChange(2, f.quorumProof()));
        int primaryOfView1 = indexOf(chain.validators.primaryOf(1));
        Signed<NewView> nv = Signed.sign(new NewView(1, vcs, List.of()), chain.keys.get(primaryOfView1), TestChain.CHAIN_ID);

        StepResult r = e.step(chain.keys.get(primaryOfView1).publicKey(), nv.encode());

        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_VIEW_CHANGE);
        assertThat(e.stableCheckpointHeight()).isEqualTo(f.proofHeight);
        assertThat(LaggardFixture.syncRequests(e)).extracting(SyncRequest::toHeight).containsExactly(f.proofHeight);
    }

    @Test
    void aProofInsideTheHorizonWithFewerThanAQuorumOfValidSignaturesMakesNothingStable() {
        PbftEngine e = f.laggard();
        List<Signed<Checkpoint>> sigs = new ArrayList<>(List.of(f.checkpoint(0), f.checkpoint(1)));
        // Claims validator 2 signed, with validator 3's signature: it does not verify, so only two count.
        Signed<Checkpoint> forged = f.checkpoint(3);
        sigs.add(new Signed<>(forged.body(), chain.keys.get(2).publicKey(), forged.signature()));

        e.step(chain.keys.get(0).publicKey(), viewChange(0, f.proofSignedBy(sigs)).encode());

        assertThat(e.stableCheckpointHeight()).isZero();
        assertThat(LaggardFixture.syncRequests(e)).isEmpty();
        // The two valid ones did count: a third CHECKPOINT from another validator completes the quorum.
        e.step(chain.keys.get(2).publicKey(), f.checkpoint(2).encode());
        assertThat(e.stableCheckpointHeight()).isEqualTo(f.proofHeight);
    }
}
