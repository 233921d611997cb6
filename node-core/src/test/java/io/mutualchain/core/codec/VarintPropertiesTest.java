package io.mutualchain.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.bytes.Hex;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Positive;

/** Varints: every unsigned 64-bit value has one encoding, of the minimal length, and reads back unchanged. */
class VarintPropertiesTest {

    @Property
    void everyLongReadAsUnsignedSurvivesAVarintRoundTrip(@ForAll long value) {
        byte[] encoded = new CanonicalWriter().varint(value).toByteArray();
        CanonicalReader r = new CanonicalReader(encoded);
        assertThat(r.varint("v")).isEqualTo(value);
        assertThat(r.remaining()).isZero();
    }

    @Property
    void aVarintTakesOneByteForEachStartedGroupOfSevenBits(@ForAll long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value);
        int expected = Math.max(1, (bits + 6) / 7);
        assertThat(new CanonicalWriter().varint(value).toByteArray()).hasSize(expected);
    }

    @Property
    void aUintAtOrBelowItsBoundRoundTripsAndOneAboveIsRefused(@ForAll @Positive long max, @ForAll @Positive long seed) {
        long value = seed % (max + 1);
        byte[] encoded = new CanonicalWriter().uint(value).toByteArray();
        assertThat(new CanonicalReader(encoded).uint("v", max)).isEqualTo(value);
        assertThat(new CanonicalReader(new CanonicalWriter().uint(max).toByteArray()).uint("v", max)).isEqualTo(max);
        if (max < Long.MAX_VALUE) {
            byte[] above = new CanonicalWriter().uint(max + 1).toByteArray();
            assertThatThrownBy(() -> new CanonicalReader(above).uint("v", max))
                    .isInstanceOf(CodecException.class).hasMessage("v: value " + (max + 1) + " is out of range [0, " + max + "]");
        }
    }

    @Example
    void knownValuesHaveTheirLeb128Bytes() {
        assertThat(hex(0)).isEqualTo("00");
        assertThat(hex(1)).isEqualTo("01");
        assertThat(hex(127)).isEqualTo("7f");
        assertThat(hex(128)).isEqualTo("8001");
        assertThat(hex(300)).isEqualTo("ac02");
        assertThat(hex(16_383)).isEqualTo("ff7f");
        assertThat(hex(16_384)).isEqualTo("808001");
        assertThat(hex(Long.MAX_VALUE)).isEqualTo("ffffffffffffffff7f");
        assertThat(hex(Long.MIN_VALUE)).isEqualTo("80808080808080808001");
        assertThat(hex(-1L)).isEqualTo("ffffffffffffffffff01");
    }

    private static String hex(long v) {
        return Hex.encode(new CanonicalWriter().varint(v).toByteArray());
    }
}
