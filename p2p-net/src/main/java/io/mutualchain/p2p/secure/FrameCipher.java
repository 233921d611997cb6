package io.mutualchain.p2p.secure;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over one direction of a link, with the nonce a frame counter: frames must be opened in
 * the order they were sealed, so a dropped, replayed, reordered or altered frame fails to open. The
 * 4-byte length header is authenticated as associated data. Not thread-safe: each direction is used
 * from its channel's event loop only.
 *
 * <p>A wire frame is {@code [u32 big-endian ciphertext length][ciphertext + 16-byte tag]}, the
 * plaintext {@code [kind byte][payload]}.
 */
public final class FrameCipher {
    public static final int HEADER_BYTES = 4;
    public static final int TAG_BYTES = 16;
    public static final int KIND_BYTES = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = TAG_BYTES * 8;
    /** Far below GCM's limits for one key; a link that reaches it is closed and reconnects with new keys. */
    public static final long MAX_FRAMES_PER_KEY = 1L << 48;

    private final Cipher cipher;
    private final SecretKeySpec key;
    private final int mode;
    private final byte[] nonce = new byte[NONCE_BYTES];
    private long counter;

    private FrameCipher(byte[] key, int mode) {
        if (key.length != SessionKeys.KEY_BYTES) {
            throw new IllegalArgumentException("frame key must be " + SessionKeys.KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.mode = mode;
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no AES-GCM; the p2p transport cannot run", e);
        }
    }

    public static FrameCipher sealing(byte[] key) {
        return new FrameCipher(key, Cipher.ENCRYPT_MODE);
    }

    public static FrameCipher opening(byte[] key) {
        return new FrameCipher(key, Cipher.DECRYPT_MODE);
    }

    /** The on-wire size of a frame carrying {@code payloadBytes}. */
    public static int wireBytes(int payloadBytes) {
        return HEADER_BYTES + KIND_BYTES + payloadBytes + TAG_BYTES;
    }

    /** Seals one frame: returns header and ciphertext, ready for the socket. */
    public byte[] seal(int kind, byte[] payload) {
        require(Cipher.ENCRYPT_MODE);
        int ciphertextLength = KIND_BYTES + payload.length + TAG_BYTES;
        byte[] frame = new byte[HEADER_BYTES + ciphertextLength];
        writeHeader(frame, ciphertextLength);
        try {
            init();
            cipher.updateAAD(frame, 0, HEADER_BYTES);
            int n = cipher.update(new byte[] {(byte) kind}, 0, KIND_BYTES, frame, HEADER_BYTES);
            cipher.doFinal(payload, 0, payload.length, frame, HEADER_BYTES + n);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
        return frame;
    }

    /**
     * Opens one whole frame (header included) and returns {@code [kind][payload]}.
     *
     * @throws TamperedFrameException if the frame was not sealed by the peer's key as the next frame
     */
    public byte[] open(byte[] frame) throws TamperedFrameException {
        require(Cipher.DECRYPT_MODE);
        if (frame.length < HEADER_BYTES + KIND_BYTES + TAG_BYTES) {
            throw new TamperedFrameException("frame of " + frame.length + " bytes is shorter than header, kind and tag");
        }
        try {
            init();
            cipher.updateAAD(frame, 0, HEADER_BYTES);
            return cipher.doFinal(frame, HEADER_BYTES, frame.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw new TamperedFrameException("frame " + (counter - 1) + " failed authentication");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM opening failed", e);
        }
    }

    private void init() throws GeneralSecurityException {
        if (counter >= MAX_FRAMES_PER_KEY) {
            throw new IllegalStateException("link used its key for " + MAX_FRAMES_PER_KEY + " frames; it must reconnect");
        }
        long c = counter++;
        for (int i = 0; i < 8; i++) {
            nonce[NONCE_BYTES - 1 - i] = (byte) (c >>> (8 * i));
        }
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    }

    private void require(int expected) {
        if (mode != expected) {
            throw new IllegalStateException("this frame cipher is for the other direction");
        }
    }

    private static void writeHeader(byte[] frame, int length) {
        frame[0] = (byte) (length >>> 24);
        frame[1] = (byte) (length >>> 16);
        frame[2] = (byte) (length >>> 8);
        frame[3] = (byte) length;
    }
}
