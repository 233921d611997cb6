package io.mutualchain.ledger.model;

/** The states of the whitepaper's asset state machine (chapter 4.3); the code is the record's state code. */
public enum AssetState {
    S0("initial"),
    S1("deposit pending"),
    S2("transfer pending"),
    S3("credit pending"),
    S4("withdrawal pending"),
    S5("active"),
    S6("completed");

    private final String meaning;

    AssetState(String meaning) {
        this.meaning = meaning;
    }

    public int code() {
        return ordinal();
    }

    public String meaning() {
        return meaning;
    }

    public boolean isFinal() {
        return this == S6;
    }

    public static AssetState ofCode(int code) {
        if (code < 0 || code > 6) {
            throw new IllegalArgumentException("asset state code must be 0 to 6, was " + code);
        }
        return values()[code];
    }

    @Override
    public String toString() {
        return name() + " (" + meaning + ")";
    }
}
