package io.mutualchain.node.runtime;

import io.mutualchain.ledger.LedgerException;
import io.mutualchain.ledger.LocalFault;
import java.util.Objects;

/**
 * Why the consensus loop stopped for good: what it was doing, the last block it had committed, and
 * the failure. Anything that escapes a consensus task is one of these, whatever its type: a
 * {@link LocalFault} (a store read, missing, corrupt or diverged state), a failed synced write, an
 * {@link Error} (out of memory, stack overflow) or any other exception (a bug). None of them is an
 * outcome another node would share, so the node neither votes nor commits after it; the process
 * exits with {@link #EXIT_CODE} and a restart resumes from {@link #committedHeight}.
 *
 * @param during          what the loop was doing, in words ("applying committed block 12")
 * @param committedHeight the last block written to the ledger; nothing after it was written
 */
public record NodeHalt(String during, long committedHeight, Throwable cause) {
    /** The process exit code after a halt (sysexits' EX_SOFTWARE); documented in docs/operations.md. */
    public static final int EXIT_CODE = 70;

    public NodeHalt {
        Objects.requireNonNull(during, "during");
        Objects.requireNonNull(cause, "cause");
    }

    /** What failed, in a few words an operator can act on. */
    public String what() {
        if (cause instanceof LocalFault f) {
            return "local fault " + f.kind();
        }
        if (cause instanceof LedgerException) {
            return "database write failed";
        }
        if (cause instanceof Error) {
            return "JVM error " + cause.getClass().getSimpleName();
        }
        return "unexpected " + cause.getClass().getName() + " (a bug)";
    }

    /** The one FATAL line: what failed, where, what the node did about it and how to recover. */
    public String fatalLine() {
        return "FATAL: consensus halted while " + during + ": " + what() + ": " + cause.getMessage()
                + " | nothing more is voted or committed; the last committed block is " + committedHeight
                + "; the node exits with code " + EXIT_CODE + "; restart it to resume from block " + committedHeight
                + " (if it halts again at the same place, the disk or database is damaged: see docs/operations.md, Faults)";
    }
}
