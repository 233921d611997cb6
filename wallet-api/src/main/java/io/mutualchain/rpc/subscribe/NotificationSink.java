package io.mutualchain.rpc.subscribe;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a connection's messages go; implemented by the WebSocket transport. Never blocks. */
public interface NotificationSink {
    /**
     * Queues {@code message} for the client; false when the connection is gone or has just been
     * closed because its bounded outbound queue is full (the caller then stops sending to it).
     */
    boolean send(JsonNode message);
}
