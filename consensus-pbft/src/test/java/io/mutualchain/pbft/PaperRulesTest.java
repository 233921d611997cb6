package io.mutualchain.pbft;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CertificateCode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.Commit;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.ViewChange;
import io.mutualchain.pbft.message.CheckpointProof;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Rules of Castro and Liskov, OSDI'99 (section numbers from that paper), one test each. */
class PaperRulesTest {
    private final TestChain chain = new TestChain(4, 4, 8);
    private final String id = TestChain.CHAIN_ID;

    private PbftEngine backup(int i) {
        return chain.engine(i, b -> Verdict.VALID);
    }

    private KeyPair key(int i) {
        return chain.keys.get(i);
    }

    private byte[] prePrepare(int signer, long view, long height, long ts) {
        Block b = chain.block(height, TestChain.GENESIS, Hash32.ZERO, view, ts);
        return Signed.sign(new PrePrepare(view, height, b), key(signer), id).encode();
    }

    @Test
    void aReplicaThatLostItsVoteRecordsNeitherPreparesNorCommitsAtOrBelowItsSilentHeight() {
        PbftEngine e = backup(1);
        e.staySilentThrough(1);
        assertThat(e.step(key(0).publicKey(), prePrepare(0, 0, 1, 1)).isAccepted()).isTrue();
        for (int signer : new int[] {0, 2, 3}) {
            byte[] prepare = Signed.sign(new Prepare(0, 1, chain.block(1, TestChain.GENESIS, Hash32.ZERO, 0, 1).hash()), key(signer), id).encode();
            e.step(key(signer).publicKey(), prepare);
        }
        List<String> persisted = new java.util.ArrayList<>();
        int sent = 0;
        while (e.hasReady()) {
            Ready r = e.ready();
            r.persist().forEach(op -> persisted.add(op.key()));
            sent += r.messages().size();
            e.advance(r);
        }
        assertThat(persisted).as("no PREPARE or COMMIT recorded at height 1").doesNotContain("pbft/p/00000000000000000001", "pbft/c/00000000000000000001");
        assertThat(sent).as("nothing signed leaves for height 1").isZero();
    }

    @Test
    void aReplicaWithoutASilentHeightPreparesAndCommitsTheSameInput() {
        PbftEngine e = backup(1);
        e.step(key(0).publicKey(), prePrepare(0, 0, 1, 1));
        for (int signer : new int[] {0, 2, 3}) {
            byte[] prepare = Signed.sign(new Prepare(0, 1, chain.block(1, TestChain.GENESIS, Hash32.ZERO, 0, 1).hash()), key(signer), id).encode();
            e.step(key(signer).publicKey(), prepare);
        }
        List<String> persisted = new java.util.ArrayList<>();
        while (e.hasReady()) {
            Ready r = e.ready();
            r.persist().forEach(op -> persisted.add(op.key()));
            e.advance(r);
        }
        assertThat(persisted).contains("pbft/p/00000000000000000001", "pbft/c/00000000000000000001");
    }

    @Test
    void section4_2_aBackupRefusesAPrePrepareNotSignedByThePrimaryOfItsView() {
        PbftEngine e = backup(1);
        assertThat(e.step(key(2).publicKey(), prePrepare(2, 0, 1, 1)).reason()).isEqualTo(RejectReason.NOT_PRIMARY);
    }

    @Test
    void section4_2_aBackupPreparesAValidBlockAndPersistsTheVoteBeforeSendingIt() {
        PbftEngine e = backup(1);
        assertThat(e.step(key(0).publicKey(), prePrepare(0, 0, 1, 1)).isAccepted()).isTrue();
        Ready r = e.ready();
        assertThat(r.persist()).extracting(PersistOp::key).contains("pbft/p/00000000000000000001");
        assertThat(r.messages()).hasSize(1);
    }

    @Test
    void section4_2_aSecondDifferentPrePrepareForTheSameViewAndHeightIsConflictingAndTheBackupSuspectsThePrimary() {
        PbftEngine e = backup(1);
        e.step(key(0).publicKey(), prePrepare(0, 0, 1, 1));
        StepResult r = e.step(key(0).publicKey(), prePrepare(0, 0, 1, 2));
        assertThat(r.reason()).isEqualTo(RejectReason.CONFLICTING);
        assertThat(e.isViewActive()).isFalse();
        assertThat(e.view()).isEqualTo(1);
    }

    @Test
    void section4_2_messagesOutsideTheWatermarkWindowAreRefusedWithATypedReason() {
        PbftEngine e = backup(1);
        assertThat(e.step(key(0).publicKey(), prePrepare(0, 0, 9, 1)).reason()).isEqualTo(RejectReason.ABOVE_WINDOW);
        byte[] commit = Signed.sign(new Commit(0, 9, Hash32.ZERO), key(2), id).encode();
        assertThat(e.step(key(2).publicKey(), commit).reason()).isEqualTo(RejectReason.ABOVE_WINDOW);
    }

    @Test
    void section4_2_aBackupDoesNotPrepareABlockTheApplicationRefusesAndStartsAViewChange() {
        PbftEngine e = chain.engine(1, b -> Verdict.invalid("bad transactions"));
        e.step(key(0).publicKey(), prePrepare(0, 0, 1, 1));
        assertThat(e.ready().persist()).extracting(PersistOp::key).doesNotContain("pbft/p/00000000000000000001");
        assertThat(e.isViewActive()).isFalse();
        assertThat(e.invalidProposals()).isEqualTo(1);
        assertThat(e.lastInvalidProposal()).contains("bad transactions");
        assertThat(e.lastViewChangeCause()).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(ViewChangeCause.Kind.INVALID_PROPOSAL);
            assertThat(c.detail()).contains("bad transactions");
        });
    }

    @Test
    void section4_2_aPrePrepareWhoseBlockNamesAnotherViewIsRefusedAsAnInvalidBlockWithTheRulesCode() {
        PbftEngine e = backup(1);
        Block fromView1 = chain.block(1, TestChain.GENESIS, Hash32.ZERO, 1, 1);
        StepResult r = e.step(key(0).publicKey(), Signed.sign(new PrePrepare(0, 1, fromView1), key(0), id).encode());
        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_BLOCK);
        assertThat(r.cause()).contains(BlockRuleCode.WRONG_VIEW);
        assertThat(r.message()).isEqualTo("block was proposed in view 1, pre-prepare is for view 0");
        assertThat(r).hasToString("INVALID_BLOCK: WRONG_VIEW: block was proposed in view 1, pre-prepare is for view 0");
    }

    @Test
    void aRefusalThatNoCheckExplainsHasNoCause() {
        assertThat(backup(1).step(key(2).publicKey(), prePrepare(2, 0, 1, 1)).cause()).isEmpty();
    }

    @Test
    void blocksOnly_aBackupValidatesHeightNOnlyAfterApplyingNMinus1AndAsksAgainAfterApplied() {
        int[] asked = {0};
        PbftEngine e = chain.engine(1, b -> {
            asked[0]++;
            return Verdict.VALID;
        });
        Block b2 = chain.block(2, Hash32.ZERO, Hash32.ZERO, 0, 2);
        e.step(key(0).publicKey(), Signed.sign(new PrePrepare(0, 2, b2), key(0), id).encode());
        assertThat(asked[0]).isZero();
    }

    @Test
    void section4_2_commitsForDifferentBlocksDoNotAddUpToACertificate() {
        PbftEngine e = backup(1);
        e.step(key(0).publicKey(), prePrepare(0, 0, 1, 1));
        e.advance(e.ready());
        Hash32 other = Hash32.of(new byte[32]);
        for (int i = 2; i < 4; i++) {
            e.step(key(i).publicKey(), Signed.sign(new Commit(0, 1, other), key(i), id).encode());
        }
        e.step(key(0).publicKey(), Signed.sign(new Commit(0, 1, other), key(0), id).encode());
        assertThat(e.ready().committed()).isEmpty();
    }

    @Test
    void section4_2_preparedWithTwoFMatchingPreparesAndCommittedWithTwoFPlusOneMatchingCommits() {
        LocalCluster c = new LocalCluster(4, 4, 8);
        c.propose();
        c.settle();
        for (int i = 0; i < 4; i++) {
            assertThat(c.ledgers.get(i)).hasSize(1);
            CommittedBlock cb = c.ledgers.get(i).get(0);
            assertThat(cb.certificate().signatures()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(cb.certificate().verify(id, c.chain.validators.keys(), 3, cb.block().hash(), 1).isOk()).isTrue();
        }
    }

    @Test
    void section4_3_aCheckpointBecomesStableWithAQuorumOfMatchingStateRootsAndTheLogBelowIsDiscarded() {
        PbftEngine e = backup(1);
        Hash32 root = Hash32.of(new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        Hash32 block = Hash32.of(new byte[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});
        e.step(key(0).publicKey(), Signed.sign(new Checkpoint(4, block, root), key(0), id).encode());
        e.step(key(2).publicKey(), Signed.sign(new Checkpoint(4, block, Hash32.ZERO), key(2), id).encode());
        assertThat(e.stableCheckpointHeight()).isZero();
        e.step(key(3).publicKey(), Signed.sign(new Checkpoint(4, block, root), key(3), id).encode());
        assertThat(e.stableCheckpointHeight()).isZero();
        e.step(key(2).publicKey(), Signed.sign(new Checkpoint(4, block, root), key(2), id).encode());
        assertThat(e.stableCheckpointHeight()).isEqualTo(4);
        // behind the stable checkpoint: the engine asks the daemon to sync the blocks it lacks
        assertThat(e.ready().syncRequests()).anySatisfy(s -> {
            assertThat(s.fromHeight()).isEqualTo(1);
            assertThat(s.toHeight()).isEqualTo(4);
        });
        assertThat(e.step(key(0).publicKey(), prePrepare(0, 0, 3, 1)).reason()).isEqualTo(RejectReason.BELOW_WINDOW);
    }

    @Test
    void section4_3_checkpointsAtHeightsThatAreNotMultiplesOfKAreRefused() {
        PbftEngine e = backup(1);
        byte[] cp = Signed.sign(new Checkpoint(3, Hash32.ZERO, Hash32.ZERO), key(0), id).encode();
        assertThat(e.step(key(0).publicKey(), cp).reason()).isEqualTo(RejectReason.INVALID_CERTIFICATE);
    }

    @Test
    void section4_5_2_oneByzantineReplicaAskingForAHugeViewCannotMoveAnyone() {
        PbftEngine e = backup(1);
        byte[] vc = Signed.sign(new ViewChange(1_000_000, CheckpointProof.GENESIS, List.of(), List.of()), key(3), id).encode();
        assertThat(e.step(key(3).publicKey(), vc).isAccepted()).isTrue();
        assertThat(e.view()).isZero();
        assertThat(e.isViewActive()).isTrue();
    }

    @Test
    void section4_5_2_aReplicaJoinsAViewChangeOnceFPlusOneOthersAskForHigherViews() {
        PbftEngine e = backup(1);
        e.step(key(3).publicKey(), Signed.sign(new ViewChange(7, CheckpointProof.GENESIS, List.of(), List.of()), key(3), id).encode());
        e.step(key(2).publicKey(), Signed.sign(new ViewChange(2, CheckpointProof.GENESIS, List.of(), List.of()), key(2), id).encode());
        assertThat(e.isViewActive()).isFalse();
        assertThat(e.view()).isEqualTo(2); // the smallest of the f + 1 highest: bounded by an honest replica's view
    }

    @Test
    void section4_5_2_theViewChangeTimeoutDoublesButIsCappedAndTheViewNumberStaysBounded() {
        LocalCluster c = new LocalCluster(4, 4, 8);
        c.drop = env -> c.describe(env.payload()).equals("NEW_VIEW"); // no view change ever completes
        long longest = 0;
        for (int t = 0; t < 2_000; t++) {
            c.tick(1);
            longest = Math.max(longest, c.engines.get(1).currentTimeoutTicks());
        }
        assertThat(longest).isEqualTo(40); // LocalCluster: first timeout 10 ticks, cap 40
        assertThat(c.engines.get(1).view()).isBetween(40L, 60L); // about 2000 / 40 views, not 2^k
    }

    @Test
    void section4_5_2_aReplicaAloneInAViewChangeWaitsForAQuorumInsteadOfRacingAhead() {
        PbftEngine e = backup(1);
        for (int t = 0; t < 5_000; t++) {
            e.tick();
        }
        assertThat(e.view()).isEqualTo(1);
    }

    @Test
    void section4_4_aPrimarySilentPastTheTimeoutIsReplacedAndTheNewPrimaryProposes() {
        LocalCluster c = new LocalCluster(4, 4, 8);
        c.isolated.add(0);
        c.tick(15);
        for (int i = 1; i < 4; i++) {
            assertThat(c.engines.get(i).view()).isEqualTo(1);
            assertThat(c.engines.get(i).isViewActive()).isTrue();
            // each backup either timed out itself or joined the f + 1 that did; at least one timed out
            assertThat(c.engines.get(i).lastViewChangeCause()).hasValueSatisfying(cause ->
                    assertThat(cause.kind()).isIn(ViewChangeCause.Kind.TIMEOUT, ViewChangeCause.Kind.JOINED));
        }
        assertThat(c.engines.subList(1, 4)).anySatisfy(e ->
                assertThat(e.lastViewChangeCause().orElseThrow().kind()).isEqualTo(ViewChangeCause.Kind.TIMEOUT));
        assertThat(c.propose()).isTrue();
        c.settle();
        for (int i = 1; i < 4; i++) {
            assertThat(c.ledgers.get(i)).hasSize(1);
            assertThat(c.ledgers.get(i).get(0).block().header().proposer()).isEqualTo(c.key(1));
        }
    }

    @Test
    void section4_4_aBlockPreparedBeforeAViewChangeIsReproposedUnchangedInTheNewView() {
        LocalCluster c = new LocalCluster(4, 4, 8);
        // every COMMIT of view 0 is lost: the block prepares everywhere but commits nowhere
        c.drop = env -> c.codec.decode(env.payload()).body() instanceof Commit cm && cm.view() == 0;
        c.propose();
        c.settle();
        assertThat(c.ledgers.get(1)).isEmpty();
        c.isolated.add(0);
        c.tick(15);
        c.settle();
        for (int i = 1; i < 4; i++) {
            assertThat(c.ledgers.get(i)).hasSize(1);
            Block b = c.ledgers.get(i).get(0).block();
            assertThat(b.header().view()).isZero(); // the original block, proposed by the old primary
            assertThat(c.ledgers.get(i).get(0).certificate().view()).isEqualTo(1);
        }
    }

    @Test
    void restart_aRestartedBackupNeverPreparesADifferentBlockAtTheSameViewAndHeight() {
        PbftEngine e = backup(1);
        e.step(key(0).publicKey(), prePrepare(0, 0, 1, 1));
        TreeMap<String, byte[]> store = new TreeMap<>();
        for (PersistOp op : e.ready().persist()) {
            store.put(op.key(), op.value());
        }
        PbftEngine restarted = new PbftEngine(chain.config(), key(1), chain.validators, b -> Verdict.VALID, store, 0, TestChain.GENESIS);
        restarted.step(key(0).publicKey(), prePrepare(0, 0, 1, 2)); // an equivocating primary's other block
        assertThat(restarted.hasReady() ? restarted.ready().messages() : List.of()).isEmpty();
    }

    @Test
    void edge_aForgedSignatureAndAnUnknownSignerAreRefused() {
        PbftEngine e = backup(1);
        byte[] good = Signed.sign(new Prepare(0, 1, Hash32.ZERO), key(2), id).encode();
        byte[] forged = good.clone();
        forged[forged.length - 1] ^= 1;
        assertThat(e.step(key(2).publicKey(), forged).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
        KeyPair stranger = TestChain.key(99);
        byte[] unknown = Signed.sign(new Prepare(0, 1, Hash32.ZERO), stranger, id).encode();
        assertThat(e.step(stranger.publicKey(), unknown).reason()).isEqualTo(RejectReason.UNKNOWN_SIGNER);
        byte[] otherChain = Signed.sign(new Prepare(0, 1, Hash32.ZERO), key(2), "other-chain").encode();
        assertThat(e.step(key(2).publicKey(), otherChain).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
    }

    @Test
    void stateSync_aReplicaThatWasDownCatchesUpThroughVerifiedCertificatesAndRefusesForgedOnes() {
        LocalCluster c = new LocalCluster(4, 4, 8);
        c.isolated.add(3);
        for (int h = 0; h < 6; h++) {
            c.propose();
            c.settle();
        }
        assertThat(c.ledgers.get(0)).hasSize(6);
        CommittedBlock first = c.ledgers.get(0).get(0);
        Block forged = c.chain.block(1, TestChain.GENESIS, Hash32.ZERO, 0, 424242);
        c.isolated.remove(3);
        StepResult refused = c.engines.get(3).synced(forged, first.certificate());
        assertThat(refused.reason()).isEqualTo(RejectReason.INVALID_CERTIFICATE);
        assertThat(refused.cause()).contains(CertificateCode.BLOCK_MISMATCH);
        c.syncFrom(3, 0);
        assertThat(c.ledgers.get(3)).hasSize(6);
        assertThat(c.ledgers.get(3).get(5).block()).isEqualTo(c.ledgers.get(0).get(5).block());
    }

    @Test
    void stateSync_aReplicaDownForManyWindowsLearnsTheStableCheckpointAndCatchesUpBySync() {
        LocalCluster c = new LocalCluster(4, 2, 4);
        c.serveSync = true;
        c.isolated.add(3);
        for (int h = 0; h < 60; h++) {
            c.propose();
            c.settle();
        }
        assertThat(c.ledgers.get(0)).hasSize(60);
        assertThat(c.ledgers.get(3)).isEmpty();
        c.isolated.remove(3);
        for (int h = 0; h < 6; h++) {
            c.propose();
            c.settle();
            c.tick(1);
        }
        assertThat(c.ledgers.get(3)).hasSizeGreaterThanOrEqualTo(60);
        for (int h = 0; h < c.ledgers.get(3).size(); h++) {
            assertThat(c.ledgers.get(3).get(h).block()).isEqualTo(c.ledgers.get(0).get(h).block());
        }
        assertThat(c.engines.get(3).stableCheckpointHeight()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void section4_4_aNewViewWhosePrePreparesDifferFromWhatTheViewChangesProveIsRefused() {
        LocalCluster c = new LocalCluster(4, 4, 8);
        c.drop = env -> c.codec.decode(env.payload()).body() instanceof Commit cm && cm.view() == 0;
        c.propose();
        c.settle();
        List<byte[]> newViews = new java.util.ArrayList<>();
        c.drop = env -> {
            if (c.describe(env.payload()).equals("NEW_VIEW")) {
                newViews.add(env.payload());
            }
            return false;
        };
        c.isolated.add(0);
        c.tick(15);
        assertThat(newViews).isNotEmpty();
        @SuppressWarnings("unchecked")
        Signed<io.mutualchain.pbft.message.NewView> nv = (Signed<io.mutualchain.pbft.message.NewView>) c.codec.decode(newViews.get(0));
        assertThat(nv.body().prePrepares()).hasSize(1); // the prepared block, re-proposed
        Signed<PrePrepare> honest = nv.body().prePrepares().get(0);
        Block swapped = c.chain.block(1, TestChain.GENESIS, Hash32.ZERO, 1, 999);
        Signed<PrePrepare> forged = Signed.sign(new PrePrepare(1, 1, swapped), key(1), id);
        byte[] tampered = Signed.sign(new io.mutualchain.pbft.message.NewView(1, nv.body().viewChanges(), List.of(forged)), key(1), id).encode();
        byte[] dropped = Signed.sign(new io.mutualchain.pbft.message.NewView(1, nv.body().viewChanges(), List.of()), key(1), id).encode();

        PbftEngine fresh = backup(3);
        StepResult swappedBlock = fresh.step(key(1).publicKey(), tampered);
        assertThat(swappedBlock.reason()).isEqualTo(RejectReason.INVALID_VIEW_CHANGE);
        assertThat(swappedBlock.cause()).contains(ProofCode.NEW_VIEW_PRE_PREPARE_MISMATCH);
        StepResult droppedBlock = fresh.step(key(1).publicKey(), dropped);
        assertThat(droppedBlock.reason()).isEqualTo(RejectReason.INVALID_VIEW_CHANGE);
        assertThat(droppedBlock.cause()).contains(ProofCode.NEW_VIEW_WRONG_COUNT);
        assertThat(fresh.step(key(1).publicKey(), newViews.get(0)).isAccepted()).isTrue();
        assertThat(honest.body().block().header().view()).isZero();
    }

    @Test
    void section4_4_viewChangesCarryCertificateDigestsAndOnlyTheBodiesOfBlocksNotYetCommitted() {
        LocalCluster c = new LocalCluster(4, 4, 8);
        c.propose();
        c.settle(); // height 1 committed everywhere
        c.drop = env -> c.codec.decode(env.payload()).body() instanceof Commit;
        c.propose();
        c.settle(); // height 2 prepared, not committed
        List<io.mutualchain.pbft.message.ViewChange> seen = new java.util.ArrayList<>();
        c.drop = env -> {
            if (c.codec.decode(env.payload()).body() instanceof io.mutualchain.pbft.message.ViewChange vc) {
                seen.add(vc);
            }
            return env.from() == 0 || env.to() == 0;
        };
        c.tick(15);
        io.mutualchain.pbft.message.ViewChange vc = seen.stream().filter(v -> v.prepared().size() == 2).findFirst().orElseThrow();
        assertThat(vc.prepared()).extracting(io.mutualchain.pbft.message.PreparedCert::height).containsExactly(1L, 2L);
        assertThat(vc.bodies()).extracting(Block::height).containsExactly(2L);
    }
}
