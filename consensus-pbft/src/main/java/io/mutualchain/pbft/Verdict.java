package io.mutualchain.pbft;

import io.mutualchain.core.validation.ReasonCode;
import io.mutualchain.core.validation.Validation;
import java.util.Optional;

/**
 * The application's opinion of a proposed block.
 *
 * @param kind   VALID, INVALID, or NOT_YET (the parent is not applied yet; the engine asks again after
 *               the next {@link PbftEngine#applied})
 * @param reason why the block is invalid (empty otherwise)
 * @param code   the application's typed reason when it has one (empty otherwise)
 */
public record Verdict(Kind kind, String reason, Optional<ReasonCode> code) {
    public enum Kind { VALID, INVALID, NOT_YET }

    public static final Verdict VALID = new Verdict(Kind.VALID, "", Optional.empty());
    public static final Verdict NOT_YET = new Verdict(Kind.NOT_YET, "", Optional.empty());

    public static Verdict invalid(String reason) {
        return new Verdict(Kind.INVALID, reason, Optional.empty());
    }

    /** Invalid for a refusal of the application's validation: the reason is its message ({@code CODE: detail}). */
    public static Verdict invalid(Validation.Refused refusal) {
        return new Verdict(Kind.INVALID, refusal.message(), Optional.of(refusal.code()));
    }
}
