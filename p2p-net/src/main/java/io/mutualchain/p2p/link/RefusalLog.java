package io.mutualchain.p2p.link;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps handshake refusals loud without letting a hostile peer flood the log: at most one WARN line
 * per remote host (IP address, whatever the port) per {@link #HOST_INTERVAL_NANOS}, and at most
 * {@link #LINES_PER_WINDOW_MAX} lines in all per {@link #HOST_INTERVAL_NANOS}, so that many
 * addresses cannot flood it either. Refusals not logged are still counted (per reason, in
 * {@link Counters}), and the next line for that host says how many it left out.
 */
public final class RefusalLog {
    static final long HOST_INTERVAL_NANOS = 10_000_000_000L;
    static final int LINES_PER_WINDOW_MAX = 20;
    /** Hosts remembered; the least recently refused is forgotten first (it may then log one line early). */
    static final int HOSTS_MAX = 1_024;

    /** Nothing to log. */
    static final long SILENT = -1;

    private static final class Host {
        long lastLineNanos;
        long leftOut;
    }

    private final Map<String, Host> hosts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Host> eldest) {
            return size() > HOSTS_MAX;
        }
    };
    public RefusalLog() {
    }

    private long windowStartNanos;
    private int linesInWindow;
    private boolean started;

    /**
     * A refusal of a connection from {@code host}: {@link #SILENT} if it must not be logged, else how
     * many refusals from that host were left out since its last line.
     */
    synchronized long refused(String host, long nowNanos) {
        if (!started || nowNanos - windowStartNanos >= HOST_INTERVAL_NANOS) {
            started = true;
            windowStartNanos = nowNanos;
            linesInWindow = 0;
        }
        Host h = hosts.get(host);
        boolean hostQuiet = h == null || nowNanos - h.lastLineNanos >= HOST_INTERVAL_NANOS;
        if (h == null) {
            h = new Host();
            hosts.put(host, h);
        }
        if (!hostQuiet || linesInWindow >= LINES_PER_WINDOW_MAX) {
            h.leftOut++;
            return SILENT;
        }
        linesInWindow++;
        long leftOut = h.leftOut;
        h.leftOut = 0;
        h.lastLineNanos = nowNanos;
        return leftOut;
    }
}
