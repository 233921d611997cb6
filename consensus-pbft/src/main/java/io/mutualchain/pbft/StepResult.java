package io.mutualchain.pbft;

import java.util.Objects;

/** The outcome of one input: accepted, or refused with a typed reason and a human message. */
public final class StepResult {
    private static final StepResult ACCEPTED = new StepResult(null, "");

    private final RejectReason reason;
    private final String message;

    private StepResult(RejectReason reason, String message) {
        this.reason = reason;
        this.message = message;
    }

    public static StepResult accepted() {
        return ACCEPTED;
    }

    public static StepResult rejected(RejectReason reason, String message) {
        return new StepResult(Objects.requireNonNull(reason), message);
    }

    public boolean isAccepted() {
        return reason == null;
    }

    /** The reason, or null when accepted. */
    public RejectReason reason() {
        return reason;
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return reason == null ? "accepted" : reason + ": " + message;
    }
}
