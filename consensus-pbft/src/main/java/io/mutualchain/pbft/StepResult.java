package io.mutualchain.pbft;

import io.mutualchain.core.validation.ReasonCode;
import io.mutualchain.core.validation.Validation;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one input: accepted, or refused with a typed reason and a human message. A refusal
 * found by a validation check also carries that check's code ({@link #cause()}): INVALID_BLOCK with
 * {@link BlockRuleCode#PROPOSER_NOT_PRIMARY}, INVALID_CERTIFICATE with a certificate or proof code...
 */
public final class StepResult {
    private static final StepResult ACCEPTED = new StepResult(null, "", null);

    private final RejectReason reason;
    private final String message;
    private final ReasonCode cause;

    private StepResult(RejectReason reason, String message, ReasonCode cause) {
        this.reason = reason;
        this.message = message;
        this.cause = cause;
    }

    public static StepResult accepted() {
        return ACCEPTED;
    }

    public static StepResult rejected(RejectReason reason, String message) {
        return new StepResult(Objects.requireNonNull(reason), message, null);
    }

    /** Refused for {@code reason} because a check refused with {@code refusal}: its code is the {@link #cause()}. */
    public static StepResult rejected(RejectReason reason, Validation.Refused refusal) {
        return new StepResult(Objects.requireNonNull(reason), refusal.detail(), refusal.code());
    }

    public boolean isAccepted() {
        return reason == null;
    }

    /** The reason, or null when accepted. */
    public RejectReason reason() {
        return reason;
    }

    /** The code of the validation check behind the reason, when one refused the input. */
    public Optional<ReasonCode> cause() {
        return Optional.ofNullable(cause);
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return reason == null ? "accepted" : reason + ": " + (cause == null ? "" : cause.name() + ": ") + message;
    }
}
