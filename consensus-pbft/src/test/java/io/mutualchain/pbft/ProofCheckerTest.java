package io.mutualchain.pbft;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CertificateCode;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.block.CommitVote;
import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.CheckpointProof;
import io.mutualchain.pbft.message.NewView;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.PrePrepareDigest;
import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.PreparedCert;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.ViewChange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The certificates nested in messages (paper §4.3 checkpoints, §4.4 view changes) each refuse with
 * their own code. The epoch here starts after height 4 (K = 4, L = 8) and is certain up to height 16;
 * the valid baseline is a VIEW-CHANGE to view 1 carrying height 5, prepared in view 0.
 */
class ProofCheckerTest {
    private static final long BASE = 4;
    private static final long HORIZON = 16;
    private final TestChain chain = new TestChain(4, 4, 8);
    private final String id = TestChain.CHAIN_ID;
    private final PbftConfig config = chain.config().withEpochBase(BASE);
    private final BlockRules rules = new BlockRules(config, chain.validators);
    private final ProofChecker proofs = new ProofChecker(config, chain.validators, new Quorums(chain.validators, false), rules, () -> HORIZON);
    private final KeyPair stranger = TestChain.key(9);

    private KeyPair key(int i) {
        return chain.keys.get(i);
    }

    private static Hash32 hash(String s) {
        return Sha256.hash(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** The block of the primary of {@code view} at {@code height}; {@code ts} tells blocks apart. */
    private Block block(long height, long view, long ts) {
        return chain.block(height, hash("parent " + height), Hash32.ZERO, view, ts);
    }

    private CheckpointProof checkpoint(long height, KeyPair... signers) {
        Checkpoint cp = new Checkpoint(height, hash("block " + height), hash("state " + height));
        List<Signed<Checkpoint>> sigs = new ArrayList<>();
        for (KeyPair k : signers) {
            sigs.add(Signed.sign(cp, k, id));
        }
        return new CheckpointProof(height, cp.blockHash(), cp.stateRoot(), sigs);
    }

    private PreparedCert prepared(Block b, long view, KeyPair primary, KeyPair... preparers) {
        Signed<PrePrepare> pp = Signed.sign(new PrePrepare(view, b.height(), b), primary, id);
        List<Signed<Prepare>> prepares = new ArrayList<>();
        for (KeyPair k : preparers) {
            prepares.add(Signed.sign(new Prepare(view, b.height(), b.hash()), k, id));
        }
        return new PreparedCert(PrePrepareDigest.of(pp), prepares);
    }

    /** Block 5 prepared in view 0: the primary of view 0 (key 0) and two backups. */
    private final Block five = block(5, 0, 500);
    private final PreparedCert fivePrepared = prepared(five, 0, key(0), key(1), key(2));

    private Signed<ViewChange> viewChange(int signer, long newView, CheckpointProof stable, List<PreparedCert> certs, List<Block> bodies) {
        return Signed.sign(new ViewChange(newView, stable, certs, bodies), key(signer), id);
    }

    private Signed<ViewChange> goodViewChange(int signer) {
        return viewChange(signer, 1, CheckpointProof.base(BASE), List.of(fivePrepared), List.of(five));
    }

    private List<Signed<ViewChange>> quorumOfViewChanges() {
        return IntStream.of(1, 2, 3).mapToObj(this::goodViewChange).toList();
    }

    private Signed<NewView> newView(KeyPair signer, long view, List<Signed<ViewChange>> vcs, List<Block> reproposed) {
        List<Signed<PrePrepare>> pps = new ArrayList<>();
        for (Block b : reproposed) {
            pps.add(Signed.sign(new PrePrepare(view, b.height(), b), signer, id));
        }
        return Signed.sign(new NewView(view, vcs, pps), signer, id);
    }

    private Signed<NewView> goodNewView() {
        return newView(key(1), 1, quorumOfViewChanges(), List.of(five));
    }

    private CommitCertificate commitCertificate(Block b, int... signers) {
        List<ValidatorSignature> sigs = new ArrayList<>();
        for (int i : signers) {
            sigs.add(new ValidatorSignature(key(i).publicKey(), key(i).sign(CommitVote.signingBytes(id, 0, b.height(), b.hash()))));
        }
        return new CommitCertificate(0, b.height(), b.hash(), sigs);
    }

    @Test
    void theBaselineProofsAreValid() {
        assertThat(proofs.checkpointProof(CheckpointProof.base(BASE))).isEqualTo(Validation.valid());
        assertThat(proofs.checkpointProof(checkpoint(8, key(0), key(1), key(2))).isOk()).isTrue();
        assertThat(proofs.preparedCert(fivePrepared, 1, BASE).isOk()).isTrue();
        assertThat(proofs.viewChange(goodViewChange(1)).isOk()).isTrue();
        assertThat(proofs.newView(goodNewView()).isOk()).isTrue();
        assertThat(proofs.commitCertificate(commitCertificate(five, 0, 1, 2), five).isOk()).isTrue();
    }

    @Test
    void section4_4_aViewChangeCarryingAnInvalidBlockKeepsTheBlocksCodeAndSaysWhereItWasFound() {
        Block byBackup = chain.block(5, hash("parent 5"), Hash32.ZERO, 0, 501);
        Block notPrimary = new Block(new io.mutualchain.core.block.BlockHeader(id, 5, byBackup.header().prevHash(), 501, byBackup.header().txRoot(),
                Hash32.ZERO, Hash32.ZERO, 0, key(3).publicKey(), 0), List.of());
        Signed<ViewChange> vc = viewChange(1, 1, CheckpointProof.base(BASE), List.of(prepared(notPrimary, 0, key(0), key(1), key(2))),
                List.of(notPrimary));
        Validation v = proofs.viewChange(vc);
        assertThat(v.reason()).contains(BlockRuleCode.PROPOSER_NOT_PRIMARY);
        assertThat(v.detail()).isEqualTo("view change carries an invalid block: block proposer is not the primary of view 0");
    }

    @Test
    void section4_4_aNewViewCarryingAnInvalidViewChangeKeepsTheInnermostCode() {
        List<Signed<ViewChange>> vcs = new ArrayList<>(quorumOfViewChanges());
        vcs.set(0, viewChange(1, 1, checkpoint(8, key(0), key(1)), List.of(), List.of()));
        Validation v = proofs.newView(newView(key(1), 1, vcs, List.of(five)));
        assertThat(v.reason()).contains(ProofCode.CHECKPOINT_BELOW_QUORUM);
        assertThat(v.detail()).isEqualTo("new view carries an invalid view change: checkpoint proof has 2 signatures, needs 3");
    }

    @Test
    void aSyncedCertificateIsCheckedThroughTheConfiguredVerifierWithTheKernelsCertificateCodes() {
        CommitCertificate cert = commitCertificate(five, 0, 1, 2);
        assertThat(proofs.commitCertificate(cert, block(5, 0, 999)).reason()).contains(CertificateCode.BLOCK_MISMATCH);
        assertThat(proofs.commitCertificate(commitCertificate(five, 0, 1), five).reason()).contains(CertificateCode.BELOW_QUORUM);
        ProofChecker rejectingAll = new ProofChecker(config.withVerifier((k, m, s) -> false), chain.validators,
                new Quorums(chain.validators, false), rules, () -> HORIZON);
        assertThat(rejectingAll.commitCertificate(cert, five).reason()).contains(CertificateCode.BAD_SIGNATURE);
    }

    /** The switch has no default: a new code does not compile until it has a case here. */
    @ParameterizedTest(name = "{0} is produced by a proof that breaks that rule")
    @EnumSource(ProofCode.class)
    void everyProofCodeIsProducedByAProofThatBreaksThatRule(ProofCode code) {
        Validation v = switch (code) {
            case CHECKPOINT_BEFORE_EPOCH -> proofs.checkpointProof(CheckpointProof.GENESIS);
            case CHECKPOINT_AT_BASE_NOT_EMPTY -> proofs.checkpointProof(checkpoint(BASE, key(0), key(1), key(2)));
            case CHECKPOINT_BEYOND_HORIZON -> proofs.checkpointProof(checkpoint(HORIZON + 4, key(0), key(1), key(2)));
            case CHECKPOINT_OFF_INTERVAL -> proofs.checkpointProof(checkpoint(6, key(0), key(1), key(2)));
            case CHECKPOINT_MIXED -> {
                CheckpointProof p = checkpoint(8, key(0), key(1));
                List<Signed<Checkpoint>> sigs = new ArrayList<>(p.signatures());
                sigs.add(Signed.sign(new Checkpoint(8, p.blockHash(), hash("another state")), key(2), id));
                yield proofs.checkpointProof(new CheckpointProof(8, p.blockHash(), p.stateRoot(), sigs));
            }
            case CHECKPOINT_SIGNER_TWICE -> proofs.checkpointProof(checkpoint(8, key(0), key(0), key(1)));
            case CHECKPOINT_BAD_SIGNATURE -> proofs.checkpointProof(checkpoint(8, key(0), key(1), stranger));
            case CHECKPOINT_BELOW_QUORUM -> proofs.checkpointProof(checkpoint(8, key(0), key(1)));
            case PREPARED_VIEW_NOT_BELOW -> proofs.preparedCert(fivePrepared, 0, BASE);
            case PREPARED_OUTSIDE_WINDOW -> proofs.preparedCert(prepared(block(13, 0, 1), 0, key(0), key(1), key(2)), 1, BASE);
            case PREPARED_NOT_BY_PRIMARY -> proofs.preparedCert(prepared(five, 0, key(3), key(1), key(2)), 1, BASE);
            case PREPARED_BAD_PREPARE -> proofs.preparedCert(prepared(five, 0, key(0), key(1), stranger), 1, BASE);
            case PREPARED_BELOW_QUORUM -> proofs.preparedCert(prepared(five, 0, key(0), key(1)), 1, BASE);
            case PREPARED_BEYOND_HORIZON -> {
                Block far = block(HORIZON + 1, 0, 1);
                yield proofs.viewChange(viewChange(1, 1, checkpoint(12, key(0), key(1), key(2)),
                        List.of(prepared(far, 0, key(0), key(1), key(2))), List.of()));
            }
            case VIEW_CHANGE_BAD_SIGNATURE -> {
                Signed<ViewChange> honest = goodViewChange(1);
                yield proofs.viewChange(new Signed<>(honest.body(), key(2).publicKey(), honest.signature()));
            }
            case VIEW_CHANGE_UNORDERED -> {
                PreparedCert six = prepared(block(6, 0, 600), 0, key(0), key(1), key(2));
                yield proofs.viewChange(viewChange(1, 1, CheckpointProof.base(BASE), List.of(six, fivePrepared), List.of()));
            }
            case VIEW_CHANGE_STRAY_BODY -> proofs.viewChange(viewChange(1, 1, CheckpointProof.base(BASE), List.of(fivePrepared),
                    List.of(block(5, 0, 555))));
            case NEW_VIEW_NOT_BY_PRIMARY -> proofs.newView(newView(key(2), 1, quorumOfViewChanges(), List.of(five)));
            case NEW_VIEW_OTHER_VIEW -> proofs.newView(newView(key(2), 2, quorumOfViewChanges(), List.of(five)));
            case NEW_VIEW_SENDER_TWICE -> proofs.newView(newView(key(1), 1, List.of(goodViewChange(1), goodViewChange(1), goodViewChange(2)),
                    List.of(five)));
            case NEW_VIEW_BELOW_QUORUM -> proofs.newView(newView(key(1), 1, List.of(goodViewChange(1), goodViewChange(2)), List.of(five)));
            case NEW_VIEW_WRONG_COUNT -> proofs.newView(newView(key(1), 1, quorumOfViewChanges(), List.of()));
            case NEW_VIEW_PRE_PREPARE_MISMATCH -> proofs.newView(newView(key(1), 1, quorumOfViewChanges(), List.of(block(5, 0, 777))));
        };
        assertThat(v.reason()).contains(code);
        assertThat(code.area()).isEqualTo("proof");
    }
}
