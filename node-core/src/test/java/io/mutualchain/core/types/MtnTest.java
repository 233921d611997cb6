package io.mutualchain.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decimal MTN text converts to base units exactly, and only plain decimals within the supply are accepted. */
class MtnTest {

    @ParameterizedTest(name = "{0} MTN = {1} base units")
    @CsvSource({"0.00000001, 1", "12.5, 1250000000", "400000000, 40000000000000000", "0, 0", "1, 100000000",
            "399999999.99999999, 39999999999999999"})
    void edgeValuesParseAndFormatExactly(String text, long units) {
        assertThat(Mtn.parse(text)).isEqualTo(units);
        assertThat(Mtn.format(units)).isEqualTo(text);
    }

    @Test
    void theSupplyIs400MillionMtnOfHundredMillionUnitsEach() {
        assertThat(Mtn.UNIT).isEqualTo(100_000_000L);
        assertThat(Mtn.TOTAL_SUPPLY).isEqualTo(40_000_000_000_000_000L);
    }

    @Test
    void nonCanonicalButExactTextParsesToTheSameValue() {
        assertThat(Mtn.parse("012.50")).isEqualTo(1_250_000_000L);
        assertThat(Mtn.parse(" 12.5 ")).isEqualTo(1_250_000_000L);
        assertThat(Mtn.parse("12.50000000")).isEqualTo(1_250_000_000L);
    }

    @Test
    void nineDecimalPlacesAreRefused() {
        assertThatThrownBy(() -> Mtn.parse("0.000000001")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount '0.000000001' has more than 8 decimal places");
        assertThatThrownBy(() -> Mtn.parse("1.123456789")).hasMessageContaining("more than 8 decimal places");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-1", "-0.00000001", "-400000000"})
    void negativeAmountsAreRefused(String text) {
        assertThatThrownBy(() -> Mtn.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount '" + text + "' is negative");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"400000000.00000001", "400000001", "99999999999999999999999"})
    void amountsAboveTheSupplyAreRefused(String text) {
        assertThatThrownBy(() -> Mtn.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount '" + text + "' exceeds the total supply of 400000000 MTN");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"abc", "1.2.3", "12,5", "1_000", "0x10", "NaN", "Infinity", "--1", "1 2"})
    void garbageIsRefusedAsNotADecimalNumber(String text) {
        assertThatThrownBy(() -> Mtn.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount '" + text + "' is not a decimal number");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"1e2", "1E-8", "+5", "1e2147483647", "1e-2147483647", "1e100000000", "\u0661\u0662", "\uFF11\uFF12"})
    void exponentsSignsAndNonAsciiDigitsAreNotPlainDecimalsAndAreRefused(String text) {
        // BigDecimal alone would accept all of these; "1e100000000" would cost seconds of CPU and
        // "1e2147483647" would escape as an ArithmeticException.
        assertThatThrownBy(() -> Mtn.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount '" + text + "' is not a decimal number");
    }

    @Test
    void aMissingAmountIsRefused() {
        assertThatThrownBy(() -> Mtn.parse(null)).hasMessage("amount is missing");
        assertThatThrownBy(() -> Mtn.parse("  ")).hasMessage("amount is missing");
    }

    @Property
    void formattingThenParsingGivesBackEveryAmountUpToTheSupply(@ForAll @LongRange(min = 0, max = Mtn.TOTAL_SUPPLY) long units) {
        String text = Mtn.format(units);
        assertThat(Mtn.parse(text)).isEqualTo(units);
        assertThat(Mtn.format(Mtn.parse(text))).isEqualTo(text);
    }

    @Property
    void formattedAmountsArePlainDecimalsWithoutTrailingZeros(@ForAll @LongRange(min = 0, max = Mtn.TOTAL_SUPPLY) long units) {
        assertThat(Mtn.format(units)).matches("(0|[1-9][0-9]*)(\\.[0-9]{0,7}[1-9])?");
    }
}
