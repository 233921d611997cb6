package io.mutualchain.pbft;

/**
 * The application's opinion of a proposed block.
 *
 * @param kind   VALID, INVALID, or NOT_YET (the parent is not applied yet; the engine asks again after
 *               the next {@link PbftEngine#applied})
 * @param reason why the block is invalid (empty otherwise)
 */
public record Verdict(Kind kind, String reason) {
    public enum Kind { VALID, INVALID, NOT_YET }

    public static final Verdict VALID = new Verdict(Kind.VALID, "");
    public static final Verdict NOT_YET = new Verdict(Kind.NOT_YET, "");

    public static Verdict invalid(String reason) {
        return new Verdict(Kind.INVALID, reason);
    }
}
