package io.mutualchain.p2p.secure;

/** Thrown by {@link Handshake} when the peer must not become a link; carries the typed {@link Refusal}. */
public final class HandshakeRefused extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Refusal refusal;

    public HandshakeRefused(Refusal refusal) {
        super(refusal.toString(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
