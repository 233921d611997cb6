package io.mutualchain.rpc.admin;

/**
 * What the admin methods need from a node; the daemon implements it. Calls arrive on RPC worker
 * threads, several at once, and only after the caller's token was checked; an implementation must be
 * thread-safe. A runtime exception becomes a JSON-RPC internal error whose stack trace is logged.
 */
public interface AdminApi {
    NodeInfo nodeInfo();

    /** Configured peers and connected ones, and the transport's counters. */
    PeersInfo peers();

    /** Pool size and bounds, and the {@code topSenders} senders with the most pending transactions. */
    MempoolInfo mempool(int topSenders);

    /**
     * Sets the level of logger {@code logger} ({@link LogLevelChange#ROOT} for the root logger) and says
     * what it was before.
     */
    LogLevelChange setLogLevel(String logger, LogLevel level);
}
