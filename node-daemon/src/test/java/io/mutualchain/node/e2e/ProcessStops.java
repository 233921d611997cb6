package io.mutualchain.node.e2e;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stopping and awaiting test processes with every wait bounded: a process that will not stop
 * fails the test with a message naming it, instead of hanging the build. Each stop is a bounded
 * wait, then SIGKILL, then another bounded wait.
 */
final class ProcessStops {
    /** How long a node gets after SIGTERM to run its shutdown hook (flush, close RocksDB) before SIGKILL. */
    static final Duration TERM_GRACE = Duration.ofSeconds(30);
    /** How long the kernel gets to reap a process after SIGKILL; only a stuck kernel or zombie takes longer. */
    static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private static final AtomicBoolean KILL_AT_EXIT = new AtomicBoolean();

    private ProcessStops() {
    }

    /**
     * Makes sure no process this test JVM started outlives it: a test failed by its JUnit timeout
     * is abandoned in its own thread and may not get to stop its nodes before the JVM exits.
     */
    static void killDescendantsAtExit() {
        if (KILL_AT_EXIT.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly), "kill-test-processes"));
        }
    }

    /** SIGTERM, as Ctrl-C would; SIGKILL if it has not exited within {@link #TERM_GRACE}. Returns the exit code. */
    static int terminate(Process p, String name) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            kill(p, name + " (still running " + TERM_GRACE + " after SIGTERM)");
        }
        return p.exitValue();
    }

    /** SIGKILL, then waits at most {@link #KILL_WAIT} for the process to be gone. */
    static void kill(Process p, String name) throws InterruptedException {
        p.destroyForcibly();
        if (!p.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + ", pid " + p.pid() + ", did not stop within " + KILL_WAIT + " of SIGKILL");
        }
    }

    /** SIGKILL to each process first, then a bounded wait for each: they go down together, not one after another. */
    static void killAll(Process[] processes, String[] names) throws InterruptedException {
        for (Process p : processes) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
        StringBuilder stuck = new StringBuilder();
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        for (int i = 0; i < processes.length; i++) {
            Process p = processes[i];
            if (p != null && !p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                stuck.append(stuck.isEmpty() ? "" : ", ").append(names[i]).append(" (pid ").append(p.pid()).append(')');
            }
        }
        if (!stuck.isEmpty()) {
            throw new AssertionError(stuck + " did not stop within " + KILL_WAIT + " of SIGKILL");
        }
    }

    /**
     * Waits at most {@code within} for {@code p} to end by itself. If it does not, kills it (bounded)
     * and returns false, so the caller can fail with what it knows (a log, a command line).
     */
    static boolean awaitExit(Process p, Duration within, String name) throws InterruptedException {
        if (p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        kill(p, name + " (still running after " + within + ")");
        return false;
    }
}
