package io.mutualchain.p2p.wire;

/**
 * The byte stream broke framing: a length field out of range (above the current maximum, or too
 * short to hold a kind and a tag). Raised as soon as the header is read, before any of the body is
 * buffered, so a peer cannot make us hold an oversized frame.
 */
public final class FrameRefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int declaredLength;
    private final int maxLength;

    public FrameRefusedException(int declaredLength, int maxLength) {
        super("frame length " + Integer.toUnsignedString(declaredLength) + " is outside the allowed range (max " + maxLength + ")",
                null, false, false);
        this.declaredLength = declaredLength;
        this.maxLength = maxLength;
    }

    public int declaredLength() {
        return declaredLength;
    }

    public int maxLength() {
        return maxLength;
    }
}
