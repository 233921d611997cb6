package io.mutualchain.core.codec;

/** A byte string is not the canonical encoding of the value that was expected; says where and why. */
public final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }
}
