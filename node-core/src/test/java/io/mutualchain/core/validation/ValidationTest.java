package io.mutualchain.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.block.BlockLimitCode;
import io.mutualchain.core.block.BodyCode;
import io.mutualchain.core.block.CertificateCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result of a consensus-critical check: valid, or one typed code with a detail for people. */
class ValidationTest {
    private static final Validation.Refused SHORT = Validation.refused(CertificateCode.BELOW_QUORUM, "2 of 3");

    @Test
    void aValidResultHasNoCodeAndNoDetail() {
        Validation ok = Validation.valid();
        assertThat(ok.isOk()).isTrue();
        assertThat(ok.reason()).isEmpty();
        assertThat(ok.refusal()).isEmpty();
        assertThat(ok.detail()).isEmpty();
    }

    @Test
    void aRefusalCarriesItsCodeAndPutsItFirstInItsMessage() {
        assertThat(SHORT.isOk()).isFalse();
        assertThat(SHORT.reason()).contains(CertificateCode.BELOW_QUORUM);
        assertThat(SHORT.refusal()).contains(SHORT);
        assertThat(SHORT.message()).isEqualTo("BELOW_QUORUM: 2 of 3");
        assertThat(SHORT).hasToString("BELOW_QUORUM: 2 of 3");
    }

    @Test
    void andThenRunsTheNextCheckOnlyWhenThisOnePassed() {
        List<String> ran = new ArrayList<>();
        Validation second = Validation.refused(BodyCode.TX_ROOT_MISMATCH, "root");
        assertThat(Validation.valid().andThen(() -> {
            ran.add("after valid");
            return second;
        })).isEqualTo(second);
        assertThat(SHORT.andThen(() -> {
            ran.add("after refused");
            return second;
        })).isEqualTo(SHORT);
        assertThat(ran).containsExactly("after valid");
    }

    @Test
    void withinKeepsTheInnermostCodeAndPrefixesTheDetail() {
        assertThat(SHORT.within("view change: ")).isEqualTo(Validation.refused(CertificateCode.BELOW_QUORUM, "view change: 2 of 3"));
        assertThat(Validation.valid().within("view change: ")).isEqualTo(Validation.valid());
    }

    @Test
    void orElseThrowThrowsWhatTheCallerMakesOfTheRefusalAndNothingWhenValid() {
        Validation.valid().orElseThrow(r -> new IllegalStateException(r.message()));
        assertThatThrownBy(() -> SHORT.orElseThrow(r -> new IllegalStateException(r.message())))
                .isInstanceOf(IllegalStateException.class).hasMessage("BELOW_QUORUM: 2 of 3");
    }

    @Test
    void aRefusalNeedsACodeAndADetail() {
        assertThatThrownBy(() -> Validation.refused(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Validation.refused(BlockLimitCode.TOO_MANY_TXS, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theKernelCodesHaveStableAreasAndUpperCaseNames() {
        List<ReasonCode> all = new ArrayList<>();
        all.addAll(List.of(CertificateCode.values()));
        all.addAll(List.of(BodyCode.values()));
        all.addAll(List.of(BlockLimitCode.values()));
        assertThat(all).allSatisfy(c -> {
            assertThat(c.name()).matches("[A-Z][A-Z_]*");
            assertThat(c.area()).matches("[a-z][a-z-]*");
        });
        assertThat(all).extracting(ReasonCode::area).containsOnly("certificate", "body", "block-limit");
    }
}
