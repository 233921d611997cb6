package io.mutualchain.p2p.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.p2p.secure.FrameCipher;
import io.mutualchain.p2p.secure.Handshake;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private static final byte[] KEY = new byte[32];

    @Test
    void theHelloComesFirstThenWholeFramesHoweverTheBytesAreSplit() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(100));
        byte[] hello = new byte[Handshake.HELLO_BYTES];
        FrameCipher seal = FrameCipher.sealing(KEY);
        byte[] f1 = seal.seal(1, new byte[50]);
        byte[] f2 = seal.seal(2, new byte[3]);
        byte[] all = concat(hello, f1, f2);
        for (byte b : all) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertThat(ch.<FrameDecoder.Hello>readInbound().bytes()).isEqualTo(hello);
        assertThat(ch.<byte[]>readInbound()).isEqualTo(f1);
        assertThat(ch.<byte[]>readInbound()).isEqualTo(f2);
        assertThat((Object) ch.readInbound()).isNull();
    }

    @Test
    void aLengthAboveTheLimitIsRefusedFromTheHeaderAloneAndTheRestIsDiscarded() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(100));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[Handshake.HELLO_BYTES]));
        ch.readInbound();
        int tooLong = FrameCipher.wireBytes(101) - FrameCipher.HEADER_BYTES;
        assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, (byte) tooLong})))
                .isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(FrameRefusedException.class);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[500]));
        assertThat((Object) ch.readInbound()).isNull();
    }

    @Test
    void aLengthTooShortForKindAndTagIsRefused() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(100));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[Handshake.HELLO_BYTES]));
        ch.readInbound();
        assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 16})))
                .hasCauseInstanceOf(FrameRefusedException.class);
    }

    @Test
    void raisingTheLimitAdmitsLargerFrames() {
        FrameDecoder decoder = new FrameDecoder(10);
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[Handshake.HELLO_BYTES]));
        ch.readInbound();
        decoder.setMaxPayloadBytes(1000);
        byte[] frame = FrameCipher.sealing(KEY).seal(1, new byte[1000]);
        ch.writeInbound(Unpooled.wrappedBuffer(frame));
        assertThat(ch.<byte[]>readInbound()).isEqualTo(frame);
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
