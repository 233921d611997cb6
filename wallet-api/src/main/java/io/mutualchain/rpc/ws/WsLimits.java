package io.mutualchain.rpc.ws;

/**
 * The bounds of WebSocket connections beyond those shared with HTTP (connections, frame size = body
 * size, idle timeout: see {@link io.mutualchain.rpc.RpcConfig}).
 *
 * @param subscriptionsMax  subscriptions one connection may hold; more is error -32041
 * @param outboundBytesMax  bytes queued for a client and not yet taken by its socket; beyond it the
 *                          client is disconnected (close 1008) rather than buffered for
 * @param outboundFramesMax frames queued for a client, likewise
 * @param callsInFlightMax  requests of one connection running or waiting for a worker; at the bound
 *                          the server stops reading that connection until one is answered
 * @param lagBlocksMax      blocks the subscription hub may fall behind the chain before it skips ahead
 *                          and tells subscribers which heights they missed
 */
public record WsLimits(int subscriptionsMax, int outboundBytesMax, int outboundFramesMax, int callsInFlightMax, int lagBlocksMax) {
    public static final int DEFAULT_SUBSCRIPTIONS_MAX = 16;
    /** 4 MiB: several seconds of notifications at any rate this chain produces. */
    public static final int DEFAULT_OUTBOUND_BYTES_MAX = 4 << 20;
    public static final int DEFAULT_OUTBOUND_FRAMES_MAX = 4_096;
    public static final int DEFAULT_CALLS_IN_FLIGHT_MAX = 16;
    public static final int DEFAULT_LAG_BLOCKS_MAX = 1_024;
    /** Upper limit on every setting, so a typo cannot ask for unbounded buffering. */
    public static final int SETTING_LIMIT = 1 << 30;

    public WsLimits {
        check("subscriptionsMax", subscriptionsMax);
        check("outboundBytesMax", outboundBytesMax);
        check("outboundFramesMax", outboundFramesMax);
        check("callsInFlightMax", callsInFlightMax);
        check("lagBlocksMax", lagBlocksMax);
    }

    private static void check(String what, int value) {
        if (value < 1 || value > SETTING_LIMIT) {
            throw new IllegalArgumentException("websocket " + what + " must be between 1 and " + SETTING_LIMIT + ", was " + value);
        }
    }

    public static WsLimits defaults() {
        return new WsLimits(DEFAULT_SUBSCRIPTIONS_MAX, DEFAULT_OUTBOUND_BYTES_MAX, DEFAULT_OUTBOUND_FRAMES_MAX,
                DEFAULT_CALLS_IN_FLIGHT_MAX, DEFAULT_LAG_BLOCKS_MAX);
    }

    public WsLimits withOutbound(int bytesMax, int framesMax) {
        return new WsLimits(subscriptionsMax, bytesMax, framesMax, callsInFlightMax, lagBlocksMax);
    }

    public WsLimits withLagBlocksMax(int value) {
        return new WsLimits(subscriptionsMax, outboundBytesMax, outboundFramesMax, callsInFlightMax, value);
    }

    public WsLimits withSubscriptionsMax(int value) {
        return new WsLimits(value, outboundBytesMax, outboundFramesMax, callsInFlightMax, lagBlocksMax);
    }
}
