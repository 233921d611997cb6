package io.mutualchain.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 through the JDK provider, pinned for the whole chain. */
public final class Sha256 {
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256; MutualChain cannot run", e);
        }
    });

    private Sha256() {
    }

    public static byte[] digest(byte[] data) {
        MessageDigest md = DIGEST.get();
        md.reset();
        return md.digest(data);
    }

    public static byte[] digest(byte[]... parts) {
        MessageDigest md = DIGEST.get();
        md.reset();
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    public static Hash32 hash(byte[] data) {
        return Hash32.of(digest(data));
    }

    public static Hash32 hash(byte[]... parts) {
        return Hash32.of(digest(parts));
    }
}
