package io.mutualchain.rpc;

/**
 * Why an {@link RpcSubscriber}'s connection ended: a typed cause, the WebSocket close code (or
 * {@link #NO_CODE} when no Close frame was exchanged) and a reason a person can read.
 */
public record SubscriberClosed(Cause cause, int code, String reason) {
    /** The code reported when the connection ended without a Close frame (as the JDK's WebSocket does). */
    public static final int NO_CODE = -1;

    /** What ended the connection. */
    public enum Cause {
        /** The caller closed the subscriber. */
        CLOSED_BY_CALLER,
        /** The node sent a Close frame (shutdown, idle timeout, its outbound queue for us was full...). */
        CLOSED_BY_SERVER,
        /** The socket failed or ended without a Close frame. */
        CONNECTION_LOST,
        /** Notifications arrived faster than the callbacks took them and the bounded queue was full. */
        NOTIFICATION_QUEUE_FULL,
        /** A message larger than {@link RpcSubscriber#MESSAGE_CHARS_MAX}. */
        MESSAGE_TOO_LARGE,
        /** The node sent something that is not a JSON-RPC text message. */
        PROTOCOL_ERROR
    }

    @Override
    public String toString() {
        return cause + (code == NO_CODE ? "" : " (" + code + ")") + ": " + reason;
    }
}
