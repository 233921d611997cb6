package io.mutualchain.p2p.wire;

import io.mutualchain.p2p.secure.FrameCipher;
import io.mutualchain.p2p.secure.Handshake;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import java.util.List;

/**
 * Cuts the inbound byte stream into the hello ({@link Hello}) and then whole sealed frames
 * ({@code byte[]}, header included, because the header is authenticated). The maximum frame length
 * starts small (only the auth frame is legal before the handshake completes) and is raised by the
 * session once the peer is authenticated, so an unauthenticated peer can never make us buffer more
 * than a few hundred bytes.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    /** The clear hello, as it came off the wire. */
    public record Hello(byte[] bytes) {
    }

    private boolean helloRead;
    private int maxCiphertextBytes;
    private boolean discarding;

    public FrameDecoder(int initialMaxPayloadBytes) {
        setMaxPayloadBytes(initialMaxPayloadBytes);
    }

    /** Called from the channel's event loop only. */
    public void setMaxPayloadBytes(int maxPayloadBytes) {
        this.maxCiphertextBytes = FrameCipher.wireBytes(maxPayloadBytes) - FrameCipher.HEADER_BYTES;
    }

    /** After a refusal: drop whatever else arrives without decoding it. */
    public void discardEverything() {
        discarding = true;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (discarding) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!helloRead) {
            if (in.readableBytes() < Handshake.HELLO_BYTES) {
                return;
            }
            byte[] hello = new byte[Handshake.HELLO_BYTES];
            in.readBytes(hello);
            helloRead = true;
            out.add(new Hello(hello));
            return;
        }
        if (in.readableBytes() < FrameCipher.HEADER_BYTES) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < FrameCipher.KIND_BYTES + FrameCipher.TAG_BYTES || length > maxCiphertextBytes) {
            discarding = true;
            in.skipBytes(in.readableBytes());
            throw new DecoderException(new FrameRefusedException(length, maxCiphertextBytes));
        }
        if (in.readableBytes() < FrameCipher.HEADER_BYTES + length) {
            return;
        }
        byte[] frame = new byte[FrameCipher.HEADER_BYTES + length];
        in.readBytes(frame);
        out.add(frame);
    }
}
