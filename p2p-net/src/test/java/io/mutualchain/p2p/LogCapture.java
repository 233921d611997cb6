package io.mutualchain.p2p;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Captures the transport's log lines for the duration of a test, so tests can check what an operator would read. */
final class LogCapture implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.mutualchain.p2p");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.start();
        logger.addAppender(appender);
    }

    /** Waits (bounded) for a WARN line containing every part; fails showing what was captured. */
    void awaitWarnContaining(String... parts) {
        try {
            Eventually.await("a WARN line containing " + java.util.Arrays.toString(parts), () -> hasWarnContaining(parts));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; captured " + describe(), e);
        }
    }

    boolean hasWarnContaining(String... parts) {
        // The appender appends under its own monitor (AppenderBase.doAppend); reading under it sees every event.
        synchronized (appender) {
            return appender.list.stream().anyMatch(e -> e.getLevel() == Level.WARN && containsAll(e.getFormattedMessage(), parts));
        }
    }

    String describe() {
        synchronized (appender) {
            return appender.list.size() + " events, appender started=" + appender.isStarted() + ", attached=" + logger.isAttached(appender)
                    + ", level=" + logger.getEffectiveLevel() + ": " + appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private static boolean containsAll(String text, String... parts) {
        for (String p : parts) {
            if (!text.contains(p)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
