package io.mutualchain.core.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lower-case hex out; either case and an optional 0x in; ASCII hex digits only. */
class HexTest {

    @Property
    void bytesRoundTripThroughLowerCaseHex(@ForAll byte[] bytes) {
        String hex = Hex.encode(bytes);
        assertThat(hex).matches("[0-9a-f]*").hasSize(2 * bytes.length);
        assertThat(Hex.decode(hex)).isEqualTo(bytes);
        assertThat(Hex.decode(hex.toUpperCase(java.util.Locale.ROOT))).isEqualTo(bytes);
        assertThat(Hex.decode("0x" + hex)).isEqualTo(bytes);
    }

    @Test
    void anOddNumberOfDigitsIsRefused() {
        assertThatThrownBy(() -> Hex.decode("abc")).isInstanceOf(IllegalArgumentException.class).hasMessage("hex: odd number of digits (3)");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0xFF10, 0xFF21, 0xFF41, 0x0660, 0x0966, 'g', 'G', ' ', '-'})
    void anythingButAsciiHexDigitsIsRefused(int codePoint) {
        String text = "0" + (char) codePoint;
        assertThatThrownBy(() -> Hex.decode(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hex: '" + (char) codePoint + "' at position 1 is not a hex digit");
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> Hex.decode(null)).hasMessage("hex: value is missing");
    }
}
