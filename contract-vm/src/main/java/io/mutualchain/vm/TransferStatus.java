package io.mutualchain.vm;

/** What the host says about a TRANSFER out of the contract. The code is what the instruction pushes. */
public enum TransferStatus {
    OK(0),
    INSUFFICIENT_BALANCE(1),
    /** The ledger refuses the recipient (for example a Level 1 member may not withdraw). */
    RECIPIENT_REFUSED(2);

    private final int code;

    TransferStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
