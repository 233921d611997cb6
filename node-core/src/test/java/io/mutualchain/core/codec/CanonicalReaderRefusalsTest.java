package io.mutualchain.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.bytes.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader refuses every non-canonical form with a CodecException that says what and where. */
class CanonicalReaderRefusalsTest {

    private static CanonicalReader reader(String hex) {
        return new CanonicalReader(Hex.decode(hex));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"8000", "ff00", "808000", "ff8000", "81808080808080808000"})
    void aVarintThatEndsWithAZeroGroupIsNotInItsShortestFormAndIsRefused(String hex) {
        assertThatThrownBy(() -> reader(hex).varint("nonce"))
                .isInstanceOf(CodecException.class)
                .hasMessage("nonce: varint is not in its shortest form at offset 0");
    }

    @Test
    void aVarintWhoseTenthByteIsAboveOneOverflowsAndIsRefused() {
        assertThatThrownBy(() -> reader("ffffffffffffffffff02").varint("fee"))
                .isInstanceOf(CodecException.class)
                .hasMessage("fee: varint overflows 64 bits at offset 0");
    }

    @Test
    void anElevenByteVarintIsRefused() {
        assertThatThrownBy(() -> reader("ffffffffffffffffffff01").varint("fee"))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("fee: varint overflows 64 bits");
        assertThatThrownBy(() -> reader("8080808080808080808001").varint("fee"))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("fee: varint overflows 64 bits");
    }

    @Test
    void theLargestTenByteVarintIsAccepted() {
        assertThat(reader("ffffffffffffffffff01").varint("v")).isEqualTo(-1L);
    }

    @Test
    void aVarintCutOffInTheMiddleIsRefused() {
        assertThatThrownBy(() -> reader("8080").varint("height"))
                .isInstanceOf(CodecException.class)
                .hasMessage("height: needs 1 bytes at offset 2, only 0 left");
    }

    @Test
    void aUintAbove2To63IsOutOfRangeForASignedLongField() {
        assertThatThrownBy(() -> reader("80808080808080808001").uint("nonce", Long.MAX_VALUE))
                .isInstanceOf(CodecException.class)
                .hasMessage("nonce: value 9223372036854775808 is out of range [0, 9223372036854775807]");
    }

    @ParameterizedTest(name = "byte {0}")
    @ValueSource(strings = {"02", "ff", "80"})
    void aBooleanByteOtherThanZeroOrOneIsRefused(String hex) {
        assertThatThrownBy(() -> reader(hex).bool("flag"))
                .isInstanceOf(CodecException.class)
                .hasMessage("flag: boolean must be 0 or 1, was " + Integer.parseInt(hex, 16));
    }

    @Test
    void booleansZeroAndOneAreAccepted() {
        CanonicalReader r = reader("0001");
        assertThat(r.bool("a")).isFalse();
        assertThat(r.bool("b")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"02c328", "02c0af", "03eda080", "01ff", "01c3", "04f4908080"})
    void invalidUtf8InAStringIsRefused(String hex) {
        assertThatThrownBy(() -> reader(hex).string("tx.chainId", 64))
                .isInstanceOf(CodecException.class)
                .hasMessage("tx.chainId: not valid UTF-8");
    }

    @Test
    void aStringLengthAboveItsMaximumIsRefusedBeforeAnyByteIsRead() {
        assertThatThrownBy(() -> reader("41").string("tx.chainId", 64))
                .isInstanceOf(CodecException.class)
                .hasMessage("tx.chainId length: value 65 is out of range [0, 64]");
    }

    @Test
    void aLengthLongerThanTheRemainingInputIsRefused() {
        assertThatThrownBy(() -> reader("0a6162").bytes("memo", 100))
                .isInstanceOf(CodecException.class)
                .hasMessage("memo: needs 10 bytes at offset 1, only 2 left");
    }

    @Test
    void aListCountAboveItsMaximumIsRefused() {
        assertThatThrownBy(() -> reader("05").list("items", 4, r -> r.u8("item")))
                .isInstanceOf(CodecException.class)
                .hasMessage("items count: value 5 is out of range [0, 4]");
    }

    @Test
    void aListReadsBackItsElementsInOrder() {
        byte[] bytes = new CanonicalWriter().list(List.of(3, 1, 2), CanonicalWriter::u8).toByteArray();
        assertThat(new CanonicalReader(bytes).list("items", 4, r -> r.u8("item"))).containsExactly(3, 1, 2);
    }

    @Test
    void trailingBytesAfterAWholeMessageAreRefused() {
        assertThatThrownBy(() -> Decoding.strict(Hex.decode("0100ff"), "thing", r -> r.u8("x")))
                .isInstanceOf(CodecException.class)
                .hasMessage("thing: 2 trailing bytes after offset 1");
    }

    @Test
    void noBytesAtAllIsRefused() {
        assertThatThrownBy(() -> Decoding.strict(null, "thing", r -> r.u8("x")))
                .isInstanceOf(CodecException.class)
                .hasMessage("thing: no bytes");
    }

    @Test
    void aValueOutsideItsConstructorsDomainIsReportedAsACodecException() {
        assertThatThrownBy(() -> Decoding.strict(Hex.decode("00"), "thing", r -> {
            r.u8("x");
            throw new IllegalArgumentException("x must not be zero");
        })).isInstanceOf(CodecException.class).hasMessage("thing: x must not be zero");
    }

    @Test
    void theWriterRefusesToWriteANegativeUint() {
        assertThatThrownBy(() -> new CanonicalWriter().uint(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
