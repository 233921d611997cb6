package io.mutualchain.core.tx;

/**
 * The input alphabet of the whitepaper's asset state machine (chapter 4.3): twelve events, a request,
 * a reject and a confirm for each of the four operations. The code (1 to 12) is the input code of the
 * on-chain record and the byte in the encoding.
 */
public enum AssetEventCode {
    E01(Operation.DEPOSIT, Step.REQUEST),
    E02(Operation.DEPOSIT, Step.REJECT),
    E03(Operation.DEPOSIT, Step.CONFIRM),
    E04(Operation.TRANSFER, Step.REQUEST),
    E05(Operation.TRANSFER, Step.REJECT),
    E06(Operation.TRANSFER, Step.CONFIRM),
    E07(Operation.CREDIT, Step.REQUEST),
    E08(Operation.CREDIT, Step.REJECT),
    E09(Operation.CREDIT, Step.CONFIRM),
    E10(Operation.WITHDRAW, Step.REQUEST),
    E11(Operation.WITHDRAW, Step.REJECT),
    E12(Operation.WITHDRAW, Step.CONFIRM);

    /** What the event is about. */
    public enum Operation {
        DEPOSIT, TRANSFER, CREDIT, WITHDRAW
    }

    /** Where in the operation the event is. */
    public enum Step {
        REQUEST, REJECT, CONFIRM
    }

    private final Operation operation;
    private final Step step;

    AssetEventCode(Operation operation, Step step) {
        this.operation = operation;
        this.step = step;
    }

    public int code() {
        return ordinal() + 1;
    }

    public Operation operation() {
        return operation;
    }

    public Step step() {
        return step;
    }

    public static AssetEventCode ofCode(int code) {
        if (code < 1 || code > values().length) {
            throw new IllegalArgumentException("asset event code must be 1 to 12, was " + code);
        }
        return values()[code - 1];
    }

    /** Parses "E04", "e4" or "4". */
    public static AssetEventCode parse(String text) {
        String t = text.trim();
        if (t.startsWith("E") || t.startsWith("e")) {
            t = t.substring(1);
        }
        try {
            return ofCode(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("asset event must be E01 to E12, was '" + text + "'");
        }
    }
}
