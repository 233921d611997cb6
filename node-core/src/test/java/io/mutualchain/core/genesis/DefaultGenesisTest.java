package io.mutualchain.core.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.testkit.TestKeys;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whitepaper's split (chapter 6), the team's vesting, the committee's reserve, and their JSON form. */
class DefaultGenesisTest {
    static final long T0 = 1_800_000_000_000L;

    static Genesis genesis() {
        return DefaultGenesis.builder("mc-test", T0, List.of(new Validator("v0", TestKeys.key(1).publicKey())))
                .holders(TestKeys.key(10).address(), TestKeys.key(11).address(), TestKeys.key(12).address(), TestKeys.key(13).address())
                .committee(2, List.of(TestKeys.key(20).publicKey(), TestKeys.key(21).publicKey(), TestKeys.key(22).publicKey()))
                .grant(TestKeys.key(30).address(), Role.GATEWAY)
                .grant(TestKeys.key(30).address(), Role.ARBITER)
                .build();
    }

    static long allocated(Genesis g, Address a) {
        return g.allocations().stream().filter(x -> x.address().equals(a)).mapToLong(Allocation::amount).sum();
    }

    @Test
    void theSupplyIsSplitAsTheWhitepaperSays() {
        Genesis g = genesis();
        assertThat(allocated(g, TestKeys.key(10).address())).isEqualTo(60_000_000L * Mtn.UNIT);
        assertThat(allocated(g, TestKeys.key(11).address())).isEqualTo(140_000_000L * Mtn.UNIT);
        assertThat(allocated(g, TestKeys.key(12).address())).isEqualTo(80_000_000L * Mtn.UNIT);
        assertThat(allocated(g, g.setup().committee().address())).isEqualTo(80_000_000L * Mtn.UNIT);
        assertThat(allocated(g, TestKeys.key(13).address())).isEqualTo(40_000_000L * Mtn.UNIT);
    }

    @Test
    void theTeamShareIsLockedForAYearThenReleasedLinearlyOverTwo() {
        VestingSchedule v = genesis().setup().vestingOf(TestKeys.key(12).address());
        long year = DefaultGenesis.TEAM_LOCK_MS;
        assertThat(v.lockedAt(T0)).isEqualTo(DefaultGenesis.TEAM);
        assertThat(v.lockedAt(T0 + year - 1)).isEqualTo(DefaultGenesis.TEAM);
        assertThat(v.lockedAt(T0 + year + year)).isEqualTo(DefaultGenesis.TEAM / 2);
        assertThat(v.lockedAt(T0 + 3 * year - 1)).isPositive();
        assertThat(v.lockedAt(T0 + 3 * year)).isZero();
        long previous = Long.MAX_VALUE;
        for (long t = T0 + year; t <= T0 + 3 * year; t += year / 7) {
            assertThat(v.lockedAt(t)).isLessThanOrEqualTo(previous);
            previous = v.lockedAt(t);
        }
    }

    @Test
    void theCommitteeAddressDependsOnItsMembersAndThresholdButNotTheirOrder() {
        Committee a = new Committee(2, List.of(TestKeys.key(20).publicKey(), TestKeys.key(21).publicKey()));
        Committee b = new Committee(2, List.of(TestKeys.key(21).publicKey(), TestKeys.key(20).publicKey()));
        Committee c = new Committee(1, List.of(TestKeys.key(21).publicKey(), TestKeys.key(20).publicKey()));
        assertThat(a.address()).isEqualTo(b.address());
        assertThat(a.address()).isNotEqualTo(c.address());
        assertThatThrownBy(() -> new Committee(3, List.of(TestKeys.key(20).publicKey()))).hasMessageContaining("threshold");
    }

    @Test
    void aVestingScheduleMustBeCoveredByItsAllocation() {
        Genesis g = genesis();
        LedgerSetup tooMuch = new LedgerSetup(List.of(), List.of(new VestingSchedule(TestKeys.key(10).address(), Mtn.TOTAL_SUPPLY, T0, 0)),
                g.setup().committee(), MemberParams.DEFAULT);
        assertThatThrownBy(() -> new Genesis(g.chainId(), T0, g.validators(), g.allocations(), g.params(), tooMuch))
                .hasMessageContaining("vesting");
    }

    @Test
    void theSetupSurvivesTheJsonFormAndChangesTheHash(@TempDir Path dir) throws Exception {
        Genesis g = genesis();
        Path file = dir.resolve("genesis.json");
        GenesisFile.write(file, g);
        Genesis back = GenesisFile.read(file);
        assertThat(back).isEqualTo(g);
        assertThat(back.hash()).isEqualTo(g.hash());
        assertThat(Files.readString(file)).contains("\"GATEWAY\"", "\"vesting\"", "\"committee\"");
        Genesis plain = new Genesis(g.chainId(), T0, g.validators(), g.allocations(), g.params());
        assertThat(plain.hash()).isNotEqualTo(g.hash());
    }
}
