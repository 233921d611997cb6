package io.mutualchain.ledger.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.ValidatorVote;
import io.mutualchain.ledger.ValidatorEpoch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator-vote rules on the executor alone, with the one-validator cast (quorum 1, so a single
 * vote carries a proposal out) and the default checkpoint interval K = 100.
 */
class ValidatorRulesTest {
    private static final long K = 100;
    private final Actors cast = new Actors();
    private final KeyPair newcomer = Actors.key(30);

    private static Refusal.Code refusalOf(BlockExecutor.TxOutcome o) {
        assertThat(o.status()).isEqualTo(BlockExecutor.Status.REJECTED);
        return o.refusal().orElseThrow().code();
    }

    /** A world whose next block is at {@code height}. */
    private MemoryWorld worldBefore(long height) {
        MemoryWorld w = cast.world();
        w.height = height - 1;
        return w;
    }

    @Test
    void anApprovalOneBlockBeforeACheckpointTakesEffectAfterThatCheckpoint() {
        MemoryWorld w = worldBefore(2 * K - 1);
        assertThat(w.run(cast.validator, ValidatorVote.add(newcomer.publicKey(), "new", 0)).succeeded()).isTrue();
        assertThat(w.schedule().pending().orElseThrow().base()).isEqualTo(2 * K);
    }

    @Test
    void anApprovalAtACheckpointTakesEffectAfterTheNextOne() {
        MemoryWorld w = worldBefore(2 * K);
        assertThat(w.run(cast.validator, ValidatorVote.add(newcomer.publicKey(), "new", 0)).succeeded()).isTrue();
        assertThat(w.schedule().pending().orElseThrow().base()).isEqualTo(3 * K);
    }

    @Test
    void anApprovalOneBlockAfterACheckpointTakesEffectAfterTheNextOne() {
        MemoryWorld w = worldBefore(2 * K + 1);
        assertThat(w.run(cast.validator, ValidatorVote.add(newcomer.publicKey(), "new", 0)).succeeded()).isTrue();
        assertThat(w.schedule().pending().orElseThrow().base()).isEqualTo(3 * K);
    }

    @Test
    void theEffectiveBaseIsTheFirstCheckpointStrictlyAboveTheApprovalHeight() {
        assertThat(ValidatorRules.effectiveBase(1, K)).isEqualTo(K);
        assertThat(ValidatorRules.effectiveBase(K - 1, K)).isEqualTo(K);
        assertThat(ValidatorRules.effectiveBase(K, K)).isEqualTo(2 * K);
        assertThat(ValidatorRules.effectiveBase(K + 1, K)).isEqualTo(2 * K);
        assertThat(ValidatorRules.effectiveBase(7, 1)).isEqualTo(8);
    }

    @Test
    void thePendingSetTakesOverAtTheStartOfTheBlockAfterItsCheckpoint() {
        MemoryWorld w = worldBefore(K - 1);
        w.run(cast.validator, ValidatorVote.add(newcomer.publicKey(), "new", 0));
        assertThat(w.nextValidators().size()).isEqualTo(1);
        w.run(List.of());
        assertThat(w.height).isEqualTo(K);
        assertThat(w.schedule().pending()).isPresent();
        assertThat(w.nextValidators().contains(newcomer.publicKey())).isTrue();
        w.run(List.of());
        assertThat(w.schedule().pending()).isEmpty();
        assertThat(w.schedule().current()).isEqualTo(new ValidatorEpoch(K, new ValidatorSet(List.of(
                cast.genesis.validators().get(0), new Validator("new", newcomer.publicKey())))));
    }

    @Test
    void theDecidingVoteAtTheCheckpointWhereAnEarlierChangeTakesOverIsRefusedAndMayBeSentAgain() {
        MemoryWorld w = worldBefore(K - 1);
        w.run(cast.validator, ValidatorVote.add(newcomer.publicKey(), "new", 0));
        ValidatorVote second = ValidatorVote.add(Actors.key(31).publicKey(), "second", 0);
        assertThat(refusalOf(w.run(cast.validator, second))).isEqualTo(Refusal.Code.EPOCH_BOUNDARY);
        assertThat(w.schedule().pending().orElseThrow().validators().size()).isEqualTo(2);
        // At K + 1 the first change is in force; the resent vote now needs 2 of 2, so it is recorded, not yet carried out.
        assertThat(w.run(cast.validator, second).succeeded()).isTrue();
        assertThat(w.schedule().pending()).isEmpty();
    }

    @Test
    void onlyAValidatorOfTheSetInForceMayVote() {
        MemoryWorld w = cast.world();
        BlockExecutor.TxOutcome o = w.run(cast.owner, ValidatorVote.add(newcomer.publicKey(), "new", 0));
        assertThat(refusalOf(o)).isEqualTo(Refusal.Code.NOT_AUTHORISED);
        assertThat(o.refusal().get().message()).contains(cast.owner.address().toString()).contains("not a validator");
        assertThat(o.feePaid()).isEqualTo(cast.genesis.params().baseFee());
        assertThat(w.schedule().pending()).isEmpty();
    }

    @Test
    void removingTheLastValidatorIsRefused() {
        MemoryWorld w = cast.world();
        assertThat(refusalOf(w.run(cast.validator, ValidatorVote.remove(cast.validator.publicKey(), 0)))).isEqualTo(Refusal.Code.LAST_VALIDATOR);
    }

    @Test
    void addingAKeyAlreadyInThePendingSetIsRefused() {
        MemoryWorld w = cast.world();
        assertThat(w.run(cast.validator, ValidatorVote.add(newcomer.publicKey(), "new", 0)).succeeded()).isTrue();
        assertThat(refusalOf(w.run(cast.validator, ValidatorVote.add(newcomer.publicKey(), "again", 1)))).isEqualTo(Refusal.Code.VALIDATOR_EXISTS);
        assertThat(refusalOf(w.run(cast.validator, ValidatorVote.remove(Actors.key(31).publicKey(), 0)))).isEqualTo(Refusal.Code.NOT_A_VALIDATOR);
        // The pending set is the target: removing the newcomer before it is even in force is allowed.
        assertThat(w.run(cast.validator, ValidatorVote.remove(newcomer.publicKey(), 0)).succeeded()).isTrue();
        assertThat(w.schedule().pending().orElseThrow().validators()).isEqualTo(cast.genesis.validatorSet());
    }

    @Test
    void aSetAtItsLargestAcceptsNoAddition() {
        List<Validator> full = new ArrayList<>();
        for (int i = 0; i < ValidatorSet.MAX_VALIDATORS; i++) {
            full.add(new Validator("v" + i, Actors.key(100 + i).publicKey()));
        }
        ValidatorSet set = new ValidatorSet(full);
        assertThat(ValidatorRules.check(set, ValidatorVote.add(newcomer.publicKey(), "one-too-many", 0)).orElseThrow().code())
                .isEqualTo(Refusal.Code.TOO_MANY_VALIDATORS);
        assertThat(ValidatorRules.check(set, ValidatorVote.remove(full.get(3).publicKey(), 0))).isEmpty();
    }

    @Test
    void aRefusedVoteLeavesTheScheduleAndTheVotesAsTheyWere() {
        MemoryWorld w = cast.world();
        byte[] before = w.entries.get(io.mutualchain.ledger.state.StateKeys.validatorsKey()).clone();
        ValidatorVote v = ValidatorVote.add(cast.validator.publicKey(), "self", 0);
        assertThat(refusalOf(w.run(cast.validator, v))).isEqualTo(Refusal.Code.VALIDATOR_EXISTS);
        assertThat(w.entries.get(io.mutualchain.ledger.state.StateKeys.validatorsKey())).isEqualTo(before);
        assertThat(w.entries.get(io.mutualchain.ledger.state.StateKeys.votesKey(v.proposalId()))).isNull();
    }
}
