package io.mutualchain.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.testkit.CoreArbitraries;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Address derivation is fixed forever (it names accounts); the text form catches typing mistakes. */
class AddressTest {
    /** RFC 8032 TEST 1's public key: an external, stable input. */
    private static final PublicKey RFC_TEST_1 = PublicKey.fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    /** Computed once when this test was written; if it changes, every account on every chain changes. */
    private static final String RFC_TEST_1_ADDRESS = "mcd1c7c56e712484b4cf30f3fa872fabee71ca0aa032c573bf";

    @Test
    void theAddressOfAKnownKeyIsTheGoldenValue() {
        assertThat(Address.of(RFC_TEST_1).toString()).isEqualTo(RFC_TEST_1_ADDRESS);
    }

    @Test
    void derivationMatchesAnIndependentComputationOfTheDocumentedFormula() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("MC-ADDR-V1".getBytes(StandardCharsets.US_ASCII));
        byte[] addr = Arrays.copyOf(sha.digest(RFC_TEST_1.toBytes()), 20);
        sha.update("MC-ADDR-CHECK".getBytes(StandardCharsets.US_ASCII));
        byte[] check = Arrays.copyOf(sha.digest(addr), 4);
        assertThat(Address.of(RFC_TEST_1).toBytes()).isEqualTo(addr);
        assertThat(Address.of(RFC_TEST_1).toString()).isEqualTo("mc" + Hex.encode(addr) + Hex.encode(check));
    }

    @Test
    void derivingTwiceGivesTheSameAddress() {
        assertThat(Address.of(PublicKey.fromHex(RFC_TEST_1.toHex()))).isEqualTo(Address.of(RFC_TEST_1));
    }

    @Provide
    Arbitrary<Address> addresses() {
        return CoreArbitraries.addresses();
    }

    @Property
    void theTextFormRoundTrips(@ForAll("addresses") Address a) {
        String text = a.toString();
        assertThat(text).hasSize(50).startsWith("mc").matches("mc[0-9a-f]{48}");
        assertThat(Address.parse(text)).isEqualTo(a);
    }

    @Property
    void parsingIgnoresCase(@ForAll("addresses") Address a) {
        assertThat(Address.parse(a.toString().toUpperCase(Locale.ROOT))).isEqualTo(a);
        assertThat(Address.parse("Mc" + a.toString().substring(2))).isEqualTo(a);
    }

    @Property
    void mistypingAnyOneHexDigitIsCaughtByTheChecksum(@ForAll("addresses") Address a, @ForAll @IntRange(min = 2, max = 49) int at,
                                                       @ForAll @IntRange(min = 1, max = 15) int delta) {
        char[] text = a.toString().toCharArray();
        text[at] = Character.forDigit((Character.digit(text[at], 16) + delta) % 16, 16);
        String typo = new String(text);
        assertThatThrownBy(() -> Address.parse(typo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("address '" + typo + "' has a wrong checksum (mistyped?)");
    }

    @Test
    void aWrongPrefixIsRefused() {
        String text = "mx" + RFC_TEST_1_ADDRESS.substring(2);
        assertThatThrownBy(() -> Address.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("address '" + text + "' must start with 'mc'");
        assertThatThrownBy(() -> Address.parse(RFC_TEST_1_ADDRESS.substring(2))).hasMessageContaining("must start with 'mc'");
    }

    @Test
    void aWrongLengthIsRefused() {
        String shorter = RFC_TEST_1_ADDRESS.substring(0, 49);
        String longer = RFC_TEST_1_ADDRESS + "0";
        assertThatThrownBy(() -> Address.parse(shorter)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("address '" + shorter + "' must have 48 hex digits after 'mc'");
        assertThatThrownBy(() -> Address.parse(longer)).hasMessage("address '" + longer + "' must have 48 hex digits after 'mc'");
    }

    @Test
    void aNonHexCharacterIsRefusedNamingIt() {
        String text = RFC_TEST_1_ADDRESS.substring(0, 10) + "g" + RFC_TEST_1_ADDRESS.substring(11);
        assertThatThrownBy(() -> Address.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("address '" + text + "': hex: 'g' at position 8 is not a hex digit");
    }

    @Test
    void digitsFromOtherScriptsAreNotHexDigits() {
        // Character.digit would read U+FF10..U+FF19 (fullwidth) and U+0660..U+0669 (Arabic-Indic) as digits:
        // a second spelling of the same address that a careless comparison would not match.
        String body = RFC_TEST_1_ADDRESS.substring(2);
        String fullwidth = "mc" + (char) (0xFF10 + Character.digit(body.charAt(0), 16)) + body.substring(1);
        if (Character.digit(body.charAt(0), 16) < 10) {
            assertThatThrownBy(() -> Address.parse(fullwidth)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a hex digit");
        }
        String arabic = body.chars().mapToObj(c -> Character.isDigit(c) ? String.valueOf((char) (0x0660 + c - '0')) : String.valueOf((char) c))
                .reduce("mc", String::concat);
        assertThatThrownBy(() -> Address.parse(arabic)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a hex digit");
    }

    @Test
    void a0xInsideTheAddressIsNotASecondSpelling() {
        // Find an address whose checksum ends in 00: "mc0x" + 46 digits would otherwise decode to 23 bytes,
        // and the missing checksum byte would be read as zero.
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[Address.SIZE];
            b[0] = (byte) i;
            b[1] = (byte) (i >> 8);
            b[2] = (byte) (i >> 16);
            String text = Address.ofBytes(b).toString();
            if (text.endsWith("00")) {
                String sneaky = "mc0x" + text.substring(2, 48);
                assertThatThrownBy(() -> Address.parse(sneaky)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(sneaky);
                return;
            }
        }
        throw new AssertionError("no address with a checksum ending in 00 among 100000 candidates");
    }

    @Test
    void aMissingAddressIsRefused() {
        assertThatThrownBy(() -> Address.parse(null)).hasMessage("address is missing");
        assertThatThrownBy(() -> Address.parse("")).hasMessage("address is missing");
    }

    @Test
    void rawAddressesMustBe20Bytes() {
        assertThatThrownBy(() -> Address.ofBytes(new byte[19])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20 bytes");
        assertThatThrownBy(() -> Address.ofBytes(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressesOrderByTheirUnsignedBytes() {
        byte[] low = new byte[20];
        byte[] high = new byte[20];
        high[0] = (byte) 0x80;
        assertThat(Address.ofBytes(low)).isLessThan(Address.ofBytes(high));
    }
}
