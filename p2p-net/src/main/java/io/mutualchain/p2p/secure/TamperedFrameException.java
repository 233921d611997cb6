package io.mutualchain.p2p.secure;

/** A frame did not authenticate: forged, altered, replayed, reordered or sealed under another key. */
public final class TamperedFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    public TamperedFrameException(String message) {
        super(message, null, false, false);
    }
}
