package io.mutualchain.rpc.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.rpc.HandoverView;
import io.mutualchain.rpc.ProofView;
import io.mutualchain.rpc.proof.ValidatorSetChain.Outcome;
import io.mutualchain.rpc.proof.ValidatorSetChain.Result;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A client that trusts only the genesis set follows two validator changes, and refuses every broken link with its own outcome. */
class ValidatorSetChainTest {
    private final HandoverChainFixture fx = new HandoverChainFixture();

    private Result verify(HandoverView... handovers) {
        return ValidatorSetChain.verify(HandoverChainFixture.CHAIN, fx.genesis, List.of(handovers));
    }

    @Test
    void aChainOfTwoHandoversVerifiesFromTheGenesisSetAndGivesTheSetForEveryHeight() {
        Result r = verify(fx.toEpoch8(), fx.toEpoch12());
        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(r.epochs()).extracting(ValidatorSetChain.TrustedEpoch::base).containsExactly(0L, 8L, 12L);
        assertThat(r.setAt(1)).isEqualTo(fx.genesis);
        assertThat(r.setAt(8)).as("block 8 is still the old set's").isEqualTo(fx.genesis);
        assertThat(r.setAt(9)).isEqualTo(fx.withE);
        assertThat(r.setAt(12)).isEqualTo(fx.withE);
        assertThat(r.setAt(13)).isEqualTo(fx.withEf);
        assertThat(r.latest().firstHeight()).isEqualTo(13);
    }

    @Test
    void noHandoversLeaveTheGenesisSetTrusted() {
        Result r = verify();
        assertThat(r.ok()).isTrue();
        assertThat(r.setAt(1_000)).isEqualTo(fx.genesis);
    }

    @Test
    void aTamperedSetIsRefusedWhetherListedOrInsideTheProvenEntry() {
        HandoverView honest = fx.toEpoch8();
        HandoverView listedWrong = new HandoverView(8, honest.header(), honest.certificate(), honest.proof(), fx.withEf);
        assertThat(verify(listedWrong).outcome()).isEqualTo(Outcome.WRONG_SET);

        byte[] forged = HandoverChainFixture.schedule(0, fx.genesis, Optional.of(8L), fx.withEf);
        ProofView p = honest.proof();
        ProofView forgedValue = new ProofView(p.kind(), p.stateKey(), forged, p.height(), p.stateRoot(), p.proof());
        Result r = verify(new HandoverView(8, honest.header(), honest.certificate(), forgedValue, fx.withEf));
        assertThat(r.outcome()).isEqualTo(Outcome.BAD_PROOF);
        assertThat(r.message()).contains("ROOT_MISMATCH");
        assertThat(r.epochs()).hasSize(1);
    }

    @Test
    void aCertificateSignedByTheNewSetInsteadOfTheOldIsRefused() {
        HandoverView h = fx.handover(8, HandoverChainFixture.schedule(0, fx.genesis, Optional.of(8L), fx.withE), fx.withE, fx.e, fx.a, fx.b, fx.c);
        Result r = verify(h);
        assertThat(r.outcome()).isEqualTo(Outcome.BAD_CERTIFICATE);
        assertThat(r.message()).contains("not a validator");
        HandoverView twoOfFour = fx.handover(8, HandoverChainFixture.schedule(0, fx.genesis, Optional.of(8L), fx.withE), fx.withE, fx.a, fx.b);
        assertThat(verify(twoOfFour).outcome()).isEqualTo(Outcome.BAD_CERTIFICATE);
    }

    @Test
    void aProofAgainstAnotherRootIsRefused() {
        HandoverView honest = fx.toEpoch8();
        HandoverView other = fx.handover(8, HandoverChainFixture.schedule(0, fx.genesis, Optional.of(8L), fx.withE), fx.withE, fx.a, fx.b, fx.c);
        // The same entry proven in a tree with other filler: a valid proof, but of another root than header 8 carries.
        HandoverView otherTree = fx.handover(9, HandoverChainFixture.schedule(0, fx.genesis, Optional.of(8L), fx.withE), fx.withE, fx.a, fx.b, fx.c);
        ProofView p = otherTree.proof();
        ProofView claimedRoot = new ProofView(p.kind(), p.stateKey(), p.value(), 7, honest.header().stateRoot(), p.proof());
        assertThat(verify(new HandoverView(8, honest.header(), honest.certificate(), claimedRoot, fx.withE)).outcome())
                .isEqualTo(Outcome.BAD_PROOF);
        ProofView ownRoot = new ProofView(p.kind(), p.stateKey(), p.value(), 7, p.stateRoot(), p.proof());
        assertThat(verify(new HandoverView(8, honest.header(), honest.certificate(), ownRoot, fx.withE)).outcome())
                .isEqualTo(Outcome.BAD_PROOF);
        assertThat(verify(other).ok()).as("the fixture itself is honest").isTrue();
    }

    @Test
    void aSkippedHandoverIsRefusedEvenWhenItsCertificateHappensToSatisfyTheOldSet() {
        HandoverView h12ByGenesisKeys = fx.handover(12, HandoverChainFixture.schedule(8, fx.withE, Optional.of(12L), fx.withEf), fx.withEf,
                fx.a, fx.b, fx.c, fx.d);
        Result r = verify(h12ByGenesisKeys);
        assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED_HANDOVER);
        assertThat(r.message()).contains("epoch 8 is missing");
        assertThat(verify(fx.toEpoch12()).outcome()).as("signed by e, who is not trusted yet").isEqualTo(Outcome.BAD_CERTIFICATE);
    }

    @Test
    void handoversOutOfOrderOrRepeatedAreRefusedAfterTheGoodOnes() {
        Result r = verify(fx.toEpoch8(), fx.toEpoch8());
        assertThat(r.outcome()).isEqualTo(Outcome.OUT_OF_ORDER);
        assertThat(r.epochs()).extracting(ValidatorSetChain.TrustedEpoch::base).containsExactly(0L, 8L);
        assertThat(r.setAt(9)).isEqualTo(fx.withE);
    }

    @Test
    void aScheduleWithoutASetPendingFromTheBaseIsNotAHandover() {
        HandoverView nothingPending = fx.handover(8, HandoverChainFixture.schedule(0, fx.genesis, Optional.empty(), null), fx.withE, fx.a, fx.b, fx.c);
        assertThat(verify(nothingPending).outcome()).isEqualTo(Outcome.NOT_A_HANDOVER);
        HandoverView pendingLater = fx.handover(8, HandoverChainFixture.schedule(0, fx.genesis, Optional.of(12L), fx.withE), fx.withE, fx.a, fx.b, fx.c);
        assertThat(verify(pendingLater).outcome()).isEqualTo(Outcome.NOT_A_HANDOVER);
        HandoverView garbage = fx.handover(8, "not a schedule".getBytes(), fx.withE, fx.a, fx.b, fx.c);
        assertThat(verify(garbage).outcome()).isEqualTo(Outcome.NOT_A_HANDOVER);
    }

    @Test
    void aHeaderOfAnotherHeightOrChainOrAProofOfAnotherEntryIsRefused() {
        HandoverView honest = fx.toEpoch8();
        HandoverView wrongBase = new HandoverView(7, honest.header(), honest.certificate(), honest.proof(), fx.withE);
        assertThat(verify(wrongBase).outcome()).isEqualTo(Outcome.WRONG_HEADER);
        assertThat(ValidatorSetChain.verify("another-chain", fx.genesis, List.of(honest)).outcome()).isEqualTo(Outcome.WRONG_HEADER);
        ProofView p = honest.proof();
        ProofView otherKey = new ProofView("asset", Sha256.hash("x".getBytes()).toBytes(), p.value(), p.height(), p.stateRoot(), p.proof());
        assertThat(verify(new HandoverView(8, honest.header(), honest.certificate(), otherKey, fx.withE)).outcome())
                .isEqualTo(Outcome.BAD_PROOF);
    }
}
