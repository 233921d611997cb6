package io.mutualchain.rpc.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The admin bearer token, held only as its SHA-256 digest. A presented token is hashed too and the
 * two digests are compared with {@link MessageDigest#isEqual}, which takes the same time wherever
 * they differ; hashing first also makes both sides the same length, so neither the content nor the
 * length of the token leaks through timing.
 */
public final class AdminToken {
    /** Shortest token accepted: 32 characters (a generated token has 64 hex digits, 256 bits). */
    public static final int CHARS_MIN = 32;
    /** Longest token accepted; also bounds the work of hashing a presented header. */
    public static final int CHARS_MAX = 1_024;
    /** The HTTP authentication scheme (RFC 6750); matched case-insensitively, as RFC 7235 says. */
    public static final String SCHEME = "Bearer";

    private final byte[] digest;

    private AdminToken(byte[] digest) {
        this.digest = digest;
    }

    /** What a presented {@code Authorization} header amounts to. */
    public enum Verdict {
        GRANTED,
        /** No header, or one of another scheme. */
        MISSING,
        /** A bearer token that is not this one. */
        MISMATCH
    }

    /**
     * @throws IllegalArgumentException when {@code token} is shorter than {@link #CHARS_MIN}, longer
     *                                  than {@link #CHARS_MAX}, or holds whitespace or control characters
     */
    public static AdminToken of(String token) {
        if (token.length() < CHARS_MIN) {
            throw new IllegalArgumentException("the admin token has " + token.length() + " characters; at least " + CHARS_MIN + " are required");
        }
        if (token.length() > CHARS_MAX) {
            throw new IllegalArgumentException("the admin token has " + token.length() + " characters; at most " + CHARS_MAX + " are allowed");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException("the admin token holds a space or control character at position " + i
                        + "; it must be one line of printable characters");
            }
        }
        return new AdminToken(sha256(token));
    }

    /** Judges the raw {@code Authorization} header of a call. */
    public Verdict check(Optional<String> authorization) {
        if (authorization.isEmpty()) {
            return Verdict.MISSING;
        }
        String header = authorization.get().trim();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME.toLowerCase(Locale.ROOT))) {
            return Verdict.MISSING;
        }
        String presented = header.substring(space + 1).trim();
        if (presented.length() > CHARS_MAX) {
            return Verdict.MISMATCH;
        }
        return MessageDigest.isEqual(digest, sha256(presented)) ? Verdict.GRANTED : Verdict.MISMATCH;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "AdminToken(redacted)";
    }
}
