package io.mutualchain.core.tx;

/** Carries a {@link TxRejection} across a call boundary that can only throw. */
public final class TxRejectedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient TxRejection rejection;

    public TxRejectedException(TxRejection rejection) {
        super(rejection.toString());
        this.rejection = rejection;
    }

    public TxRejection rejection() {
        return rejection;
    }
}
