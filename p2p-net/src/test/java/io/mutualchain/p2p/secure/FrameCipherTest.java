package io.mutualchain.p2p.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FrameCipherTest {
    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
        Arrays.fill(OTHER_KEY, (byte) 8);
    }

    @Property(tries = 200)
    void whatIsSealedOpensToTheSameKindAndPayloadInOrder(@ForAll @Size(max = 5) java.util.List<@Size(max = 300) byte[]> payloads,
                                                          @ForAll @IntRange(min = 0, max = 255) int kind) throws Exception {
        FrameCipher seal = FrameCipher.sealing(KEY);
        FrameCipher open = FrameCipher.opening(KEY);
        for (byte[] p : payloads) {
            byte[] frame = seal.seal(kind, p);
            assertThat(frame).hasSize(FrameCipher.wireBytes(p.length));
            byte[] plain = open.open(frame);
            assertThat(plain[0] & 0xff).isEqualTo(kind);
            assertThat(Arrays.copyOfRange(plain, 1, plain.length)).isEqualTo(p);
        }
    }

    @Property(tries = 200)
    void anySingleBitFlipIsDetected(@ForAll @Size(min = 1, max = 100) byte[] payload, @ForAll @IntRange(min = 0, max = 10_000) int where) {
        byte[] frame = FrameCipher.sealing(KEY).seal(1, payload);
        int bit = where % (frame.length * 8);
        frame[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThatThrownBy(() -> FrameCipher.opening(KEY).open(frame)).isInstanceOf(TamperedFrameException.class);
    }

    @Test
    void aReplayedOrReorderedFrameFailsBecauseTheCounterMoved() throws Exception {
        FrameCipher seal = FrameCipher.sealing(KEY);
        byte[] first = seal.seal(1, new byte[] {1});
        byte[] second = seal.seal(1, new byte[] {2});
        FrameCipher open = FrameCipher.opening(KEY);
        assertThatThrownBy(() -> open.open(second)).isInstanceOf(TamperedFrameException.class);

        FrameCipher open2 = FrameCipher.opening(KEY);
        open2.open(first);
        assertThatThrownBy(() -> open2.open(first)).isInstanceOf(TamperedFrameException.class);
    }

    @Test
    void aFrameUnderAnotherKeyDoesNotOpen() {
        byte[] frame = FrameCipher.sealing(OTHER_KEY).seal(1, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> FrameCipher.opening(KEY).open(frame)).isInstanceOf(TamperedFrameException.class);
    }

    @Test
    void theSamePayloadTwiceGivesDifferentCiphertext() {
        FrameCipher seal = FrameCipher.sealing(KEY);
        byte[] a = seal.seal(1, new byte[64]);
        byte[] b = seal.seal(1, new byte[64]);
        assertThat(a).isNotEqualTo(b);
    }
}
