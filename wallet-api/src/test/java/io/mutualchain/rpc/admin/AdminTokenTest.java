package io.mutualchain.rpc.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class AdminTokenTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private final AdminToken token = AdminToken.of(SECRET);

    @Test
    void theRightBearerTokenIsGranted() {
        assertThat(token.check(Optional.of("Bearer " + SECRET))).isEqualTo(AdminToken.Verdict.GRANTED);
    }

    @Test
    void theSchemeIsMatchedWithoutRegardToCase() {
        assertThat(token.check(Optional.of("bearer " + SECRET))).isEqualTo(AdminToken.Verdict.GRANTED);
        assertThat(token.check(Optional.of("BEARER  " + SECRET + " "))).isEqualTo(AdminToken.Verdict.GRANTED);
    }

    @Test
    void noHeaderOrAnotherSchemeCountsAsMissing() {
        assertThat(token.check(Optional.empty())).isEqualTo(AdminToken.Verdict.MISSING);
        assertThat(token.check(Optional.of("Basic " + SECRET))).isEqualTo(AdminToken.Verdict.MISSING);
        assertThat(token.check(Optional.of(SECRET))).isEqualTo(AdminToken.Verdict.MISSING);
    }

    @Test
    void aTokenDifferingInItsLastCharacterIsAMismatch() {
        String almost = SECRET.substring(0, SECRET.length() - 1) + "0";
        assertThat(token.check(Optional.of("Bearer " + almost))).isEqualTo(AdminToken.Verdict.MISMATCH);
        assertThat(token.check(Optional.of("Bearer " + SECRET + "0"))).isEqualTo(AdminToken.Verdict.MISMATCH);
        assertThat(token.check(Optional.of("Bearer "))).isEqualTo(AdminToken.Verdict.MISSING);
    }

    @Property(tries = 200)
    void noOtherPresentedTokenIsGranted(@ForAll @StringLength(min = 1, max = 100) String other) {
        if (!other.trim().equals(SECRET)) {
            assertThat(token.check(Optional.of("Bearer " + other))).isNotEqualTo(AdminToken.Verdict.GRANTED);
        }
    }

    @Test
    void aTokenShorterThan32CharactersIsRefused() {
        assertThatThrownBy(() -> AdminToken.of("x".repeat(AdminToken.CHARS_MIN - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32");
        assertThat(AdminToken.of("x".repeat(AdminToken.CHARS_MIN))).isNotNull();
    }

    @Test
    void aTokenWithASpaceIsRefused() {
        assertThatThrownBy(() -> AdminToken.of("x".repeat(20) + " " + "y".repeat(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("space or control");
    }

    @Test
    void theTokenIsNeverPrinted() {
        assertThat(token.toString()).doesNotContain(SECRET);
    }
}
