package io.mutualchain.core.genesis;

import static io.mutualchain.core.genesis.GenesisFixtures.CHAIN;
import static io.mutualchain.core.genesis.GenesisFixtures.TIME_MS;
import static io.mutualchain.core.genesis.GenesisFixtures.allocations;
import static io.mutualchain.core.genesis.GenesisFixtures.genesis;
import static io.mutualchain.core.genesis.GenesisFixtures.validators;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.testkit.TestKeys;
import io.mutualchain.core.types.Mtn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Genesis validates itself on construction, and its hash is over the canonical encoding only. */
class GenesisTest {

    /** Computed when this test was written (again when blockGasLimit and the block-time window joined the parameters). Nodes compare genesis hashes on connect, so a change is a hard fork. */
    private static final String GOLDEN_HASH = "c7a8e66b930394cde7662fbbf426795f7435536c52bff9f9c3e352739d22c40b";

    @Test
    void theGenesisHashIsPinnedBecauseChangingItIsAHardFork() {
        assertThat(genesis().hash().toHex()).isEqualTo(GOLDEN_HASH);
    }

    @Test
    void theHashDoesNotDependOnTheOrderAllocationsAreGivenIn() {
        List<Allocation> reversed = new ArrayList<>(allocations());
        Collections.reverse(reversed);
        Genesis g = new Genesis(CHAIN, TIME_MS, validators(4), reversed, ChainParams.DEFAULT);
        assertThat(g.hash()).isEqualTo(genesis().hash());
        assertThat(g.allocations()).isEqualTo(genesis().allocations());
        assertThat(g.allocations()).isSortedAccordingTo((a, b) -> a.address().compareTo(b.address()));
    }

    @Test
    void theHashDependsOnValidatorOrderBecauseItFixesPrimaryRotation() {
        List<Validator> reversed = new ArrayList<>(validators(4));
        Collections.reverse(reversed);
        assertThat(new Genesis(CHAIN, TIME_MS, reversed, allocations(), ChainParams.DEFAULT).hash()).isNotEqualTo(genesis().hash());
    }

    @Test
    void theHashChangesWithEveryField() {
        Genesis g = genesis();
        assertThat(new Genesis(CHAIN + "x", TIME_MS, validators(4), allocations(), ChainParams.DEFAULT).hash()).isNotEqualTo(g.hash());
        assertThat(new Genesis(CHAIN, TIME_MS + 1, validators(4), allocations(), ChainParams.DEFAULT).hash()).isNotEqualTo(g.hash());
        assertThat(new Genesis(CHAIN, TIME_MS, validators(5), allocations(), ChainParams.DEFAULT).hash()).isNotEqualTo(g.hash());
        ChainParams p = ChainParams.DEFAULT;
        ChainParams otherFee = new ChainParams(p.baseFee() + 1, p.maxTxBytes(), p.maxBlockTxs(), p.maxBlockBytes(),
                p.checkpointInterval(), p.watermarkWindow());
        assertThat(new Genesis(CHAIN, TIME_MS, validators(4), allocations(), otherFee).hash()).isNotEqualTo(g.hash());
        List<Allocation> moved = List.of(
                new Allocation(TestKeys.key(1).address(), 100_000_000L * Mtn.UNIT - 1),
                new Allocation(TestKeys.key(2).address(), 250_000_000L * Mtn.UNIT + 1),
                new Allocation(TestKeys.key(3).address(), 50_000_000L * Mtn.UNIT));
        assertThat(new Genesis(CHAIN, TIME_MS, validators(4), moved, ChainParams.DEFAULT).hash()).isNotEqualTo(g.hash());
    }

    @Test
    void allocationsOneUnitShortOfTheSupplyAreRefusedSayingTheTotal() {
        List<Allocation> shortBy1 = List.of(new Allocation(TestKeys.key(1).address(), Mtn.TOTAL_SUPPLY - 1));
        assertThatThrownBy(() -> new Genesis(CHAIN, TIME_MS, validators(4), shortBy1, ChainParams.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allocations add up to 399999999.99999999 MTN; they must add up to exactly the total supply of 400000000 MTN");
    }

    @Test
    void allocationsAboveTheSupplyAreRefused() {
        List<Allocation> over = List.of(new Allocation(TestKeys.key(1).address(), Mtn.TOTAL_SUPPLY),
                new Allocation(TestKeys.key(2).address(), 1));
        assertThatThrownBy(() -> new Genesis(CHAIN, TIME_MS, validators(4), over, ChainParams.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allocations exceed the total supply of 400000000 MTN");
        List<Allocation> overflowing = List.of(new Allocation(TestKeys.key(1).address(), Long.MAX_VALUE),
                new Allocation(TestKeys.key(2).address(), Long.MAX_VALUE));
        assertThatThrownBy(() -> new Genesis(CHAIN, TIME_MS, validators(4), overflowing, ChainParams.DEFAULT))
                .hasMessage("allocations exceed the total supply of 400000000 MTN");
    }

    @Test
    void noAllocationsAtAllIsRefused() {
        assertThatThrownBy(() -> new Genesis(CHAIN, TIME_MS, validators(4), List.of(), ChainParams.DEFAULT))
                .hasMessageStartingWith("allocations add up to 0 MTN");
    }

    @Test
    void anAddressAllocatedTwiceIsRefusedNamingIt() {
        var addr = TestKeys.key(1).address();
        List<Allocation> twice = List.of(new Allocation(addr, Mtn.TOTAL_SUPPLY / 2), new Allocation(addr, Mtn.TOTAL_SUPPLY / 2));
        assertThatThrownBy(() -> new Genesis(CHAIN, TIME_MS, validators(4), twice, ChainParams.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("address " + addr + " is allocated twice");
    }

    @Test
    void aValidatorKeyListedTwiceIsRefusedNamingIt() {
        List<Validator> vs = new ArrayList<>(validators(3));
        vs.add(new Validator("impostor", vs.get(0).publicKey()));
        assertThatThrownBy(() -> new Genesis(CHAIN, TIME_MS, vs, allocations(), ChainParams.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validator key " + vs.get(0).publicKey() + " appears twice");
    }

    @Test
    void aGenesisWithMoreValidatorsThanASetMayHoldIsRefused() {
        assertThat(new Genesis(CHAIN, TIME_MS, validators(ValidatorSet.MAX_VALIDATORS), allocations(), ChainParams.DEFAULT).validators())
                .hasSize(100);
        assertThatThrownBy(() -> new Genesis(CHAIN, TIME_MS, validators(ValidatorSet.MAX_VALIDATORS + 1), allocations(), ChainParams.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("genesis lists 101 validators; at most 100 are allowed");
        assertThatThrownBy(() -> new ValidatorSet(validators(ValidatorSet.MAX_VALIDATORS + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100");
    }

    @Test
    void aGenesisWithoutValidatorsIsRefused() {
        assertThatThrownBy(() -> new Genesis(CHAIN, TIME_MS, List.of(), allocations(), ChainParams.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a chain needs at least one validator");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "my chain", "chain/1", "ch\u20acin", "chain\n", "a:b",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void aChainIdWithCharactersOutsideLettersDigitsDotUnderscoreDashIsRefused(String chainId) {
        assertThatThrownBy(() -> new Genesis(chainId, TIME_MS, validators(4), allocations(), ChainParams.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chainId must be 1 to 64 characters of letters, digits, '.', '_' or '-'");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"a", "mutualchain-dev", "Chain_1.2-x", "0"})
    void aChainIdOfLettersDigitsDotUnderscoreDashIsAccepted(String chainId) {
        assertThat(new Genesis(chainId, TIME_MS, validators(4), allocations(), ChainParams.DEFAULT).chainId()).isEqualTo(chainId);
    }

    @Test
    void aNegativeGenesisTimeIsRefused() {
        assertThatThrownBy(() -> new Genesis(CHAIN, -1, validators(4), allocations(), ChainParams.DEFAULT))
                .hasMessage("genesisTime must not be negative");
    }

    @Test
    void nonPositiveAllocationsAreRefusedNamingTheAddress() {
        var addr = TestKeys.key(1).address();
        assertThatThrownBy(() -> new Allocation(addr, 0)).hasMessage("allocation to " + addr + " must be positive");
    }
}
