package io.mutualchain.p2p.secure;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * One key per direction, derived with HKDF-SHA256 from the X25519 shared secret, salted with the
 * transcript hash (both hellos), so that keys are unique per connection and bound to what both
 * sides sent. Two directional keys mean each side's frame counter can start at zero without ever
 * reusing a (key, nonce) pair.
 */
public record SessionKeys(byte[] sendKey, byte[] receiveKey) {
    public static final int KEY_BYTES = 32;
    private static final byte[] INITIATOR_TO_RESPONDER = "mutualchain-p2p/1 key i->r".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONDER_TO_INITIATOR = "mutualchain-p2p/1 key r->i".getBytes(StandardCharsets.US_ASCII);

    static SessionKeys derive(Role role, byte[] sharedSecret, byte[] transcriptHash) {
        byte[] i2r = hkdf(sharedSecret, transcriptHash, INITIATOR_TO_RESPONDER);
        byte[] r2i = hkdf(sharedSecret, transcriptHash, RESPONDER_TO_INITIATOR);
        return role == Role.INITIATOR ? new SessionKeys(i2r, r2i) : new SessionKeys(r2i, i2r);
    }

    private static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info) {
        HKDFBytesGenerator gen = new HKDFBytesGenerator(new SHA256Digest());
        gen.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[KEY_BYTES];
        gen.generateBytes(out, 0, out.length);
        return out;
    }
}
