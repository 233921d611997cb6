package io.mutualchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reassembly of fragmented text messages, fed directly as the JDK would, without a socket. */
class SubscriberFramesTest {
    private static final int BOUND = 16;

    private final List<String> messages = new ArrayList<>();
    private final List<SubscriberClosed> ends = new ArrayList<>();
    private final AtomicInteger requested = new AtomicInteger();
    private final WebSocket socket = (WebSocket) Proxy.newProxyInstance(WebSocket.class.getClassLoader(), new Class<?>[] {WebSocket.class},
            (proxy, method, args) -> {
                if (method.getName().equals("request")) {
                    requested.addAndGet(((Long) args[0]).intValue());
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });
    private final SubscriberFrames frames = new SubscriberFrames(new SubscriberFrames.Sink() {
        @Override
        public void message(String text) {
            messages.add(text);
        }

        @Override
        public void ended(SubscriberClosed closed) {
            ends.add(closed);
        }
    }, BOUND);

    @Test
    void aTextMessageInSeveralFragmentsIsHandedOverWholeOnce() {
        frames.onOpen(socket);
        frames.onText(socket, "{\"a\":", false);
        frames.onText(socket, "1", false);
        assertThat(messages).isEmpty();
        frames.onText(socket, "}", true);
        frames.onText(socket, "[]", true);
        assertThat(messages).containsExactly("{\"a\":1}", "[]");
        // Every frame asks for the next one, so reading never stalls.
        assertThat(requested.get()).isEqualTo(5);
    }

    @Test
    void aMessageOverTheBoundEndsTheConnectionInsteadOfGrowing() {
        frames.onText(socket, "x".repeat(BOUND), false);
        frames.onText(socket, "y", false);
        frames.onText(socket, "z", true);
        frames.onText(socket, "{}", true);
        assertThat(messages).isEmpty();
        assertThat(ends).singleElement().extracting(SubscriberClosed::cause).isEqualTo(SubscriberClosed.Cause.MESSAGE_TOO_LARGE);
    }

    @Test
    void aBinaryFrameIsAProtocolError() {
        frames.onBinary(socket, java.nio.ByteBuffer.wrap(new byte[] {1}), true);
        assertThat(ends).singleElement().extracting(SubscriberClosed::cause).isEqualTo(SubscriberClosed.Cause.PROTOCOL_ERROR);
    }
}
