package io.mutualchain.rpc;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * The JDK WebSocket listener of an {@link RpcSubscriber}: reassembles fragmented text messages up
 * to a bound and hands each whole one over. It never blocks: the JDK runs it on its own thread and
 * a stall here would stall every answer on the connection.
 */
final class SubscriberFrames implements WebSocket.Listener {
    /** What the subscriber does with whole messages and with the end of the connection. */
    interface Sink {
        void message(String text);

        void ended(SubscriberClosed closed);
    }

    private final Sink sink;
    private final int messageCharsMax;
    private final StringBuilder partial = new StringBuilder();
    /** Set once the message bound was crossed: the rest of the connection is ignored. */
    private boolean refusing;

    SubscriberFrames(Sink sink, int messageCharsMax) {
        this.sink = sink;
        this.messageCharsMax = messageCharsMax;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!refusing) {
            if (partial.length() + data.length() > messageCharsMax) {
                refusing = true;
                partial.setLength(0);
                sink.ended(new SubscriberClosed(SubscriberClosed.Cause.MESSAGE_TOO_LARGE, 1009,
                        "a message from the node is larger than " + messageCharsMax + " characters"));
            } else {
                partial.append(data);
                if (last) {
                    String whole = partial.toString();
                    partial.setLength(0);
                    sink.message(whole);
                }
            }
        }
        // Reading goes on even when refusing, so that the node's Close frame still arrives.
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (!refusing) {
            refusing = true;
            sink.ended(new SubscriberClosed(SubscriberClosed.Cause.PROTOCOL_ERROR, 1003, "the node sent a binary frame"));
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        sink.ended(new SubscriberClosed(SubscriberClosed.Cause.CLOSED_BY_SERVER, statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        sink.ended(new SubscriberClosed(SubscriberClosed.Cause.CONNECTION_LOST, SubscriberClosed.NO_CODE, String.valueOf(error)));
    }
}
