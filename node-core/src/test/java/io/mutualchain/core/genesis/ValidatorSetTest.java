package io.mutualchain.core.genesis;

import static io.mutualchain.core.genesis.GenesisFixtures.validators;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Quorum sizes from the PBFT intersection argument, and round-robin primaries. */
class ValidatorSetTest {

    /** The smallest q with 2q - n > f, found by counting up: any two quorums then share an honest validator. */
    private static int smallestIntersectingQuorum(int n) {
        int f = (n - 1) / 3;
        int q = 1;
        while (2 * q - n <= f) {
            q++;
        }
        return q;
    }

    @Property
    void theQuorumIsTheSmallestSizeWhoseIntersectionsHoldAnHonestValidator(@ForAll @IntRange(min = 1, max = 10) int n) {
        assertThat(ValidatorSet.maxFaulty(n)).isEqualTo((n - 1) / 3);
        assertThat(ValidatorSet.quorum(n)).isEqualTo(smallestIntersectingQuorum(n));
    }

    @Property
    void theQuorumIsReachableByTheHonestValidatorsAlone(@ForAll @IntRange(min = 1, max = 1000) int n) {
        int q = ValidatorSet.quorum(n);
        int f = ValidatorSet.maxFaulty(n);
        assertThat(q).isEqualTo(smallestIntersectingQuorum(n));
        assertThat(q).isLessThanOrEqualTo(n - f);
    }

    @Property
    void withThreeFPlusOneValidatorsTheQuorumIsTwoFPlusOne(@ForAll @IntRange(min = 0, max = 300) int f) {
        int n = 3 * f + 1;
        assertThat(ValidatorSet.maxFaulty(n)).isEqualTo(f);
        assertThat(ValidatorSet.quorum(n)).isEqualTo(2 * f + 1);
    }

    @Example
    void quorumsForOneToTenValidatorsAreTheKnownTable() {
        int[] expected = {1, 2, 2, 3, 4, 4, 5, 6, 6, 7};
        for (int n = 1; n <= 10; n++) {
            assertThat(ValidatorSet.quorum(n)).as("n = %d", n).isEqualTo(expected[n - 1]);
            assertThat(new ValidatorSet(validators(n)).quorum()).isEqualTo(expected[n - 1]);
        }
    }

    @Property
    void thePrimaryRotatesThroughTheValidatorsInGenesisOrder(@ForAll @IntRange(min = 1, max = 10) int n,
                                                             @ForAll @LongRange(min = 0, max = Long.MAX_VALUE - 1) long view) {
        ValidatorSet set = new ValidatorSet(validators(n));
        assertThat(set.primaryOf(view)).isEqualTo(set.get((int) (view % n)).publicKey());
        int here = set.indexOf(set.primaryOf(view)).orElseThrow();
        int next = set.indexOf(set.primaryOf(view + 1)).orElseThrow();
        assertThat(next).isEqualTo((here + 1) % n);
    }

    @Example
    void everyValidatorIsPrimaryOnceInNConsecutiveViews() {
        ValidatorSet set = new ValidatorSet(validators(4));
        assertThat(java.util.stream.LongStream.range(8, 12).mapToObj(set::primaryOf).toList())
                .containsExactlyElementsOf(set.validators().stream().map(Validator::publicKey).toList());
    }

    @Example
    void membershipAndIndexFollowGenesisOrder() {
        ValidatorSet set = new ValidatorSet(validators(3));
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.keys()).containsExactly(set.get(0).publicKey(), set.get(1).publicKey(), set.get(2).publicKey());
        assertThat(set.indexOf(set.get(2).publicKey())).contains(2);
        assertThat(set.contains(validators(4).get(3).publicKey())).isFalse();
        assertThat(set.indexOf(validators(4).get(3).publicKey())).isEmpty();
    }
}
