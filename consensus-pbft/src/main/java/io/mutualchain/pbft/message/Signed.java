package io.mutualchain.pbft.message;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Signature;

/**
 * A message body with its signer and signature. Decoded and verified once, at the edge of the
 * engine; everything inside the engine holds only verified {@code Signed} values or its own.
 */
public record Signed<T extends PbftMessage>(T body, PublicKey signer, Signature signature) {
    public static <T extends PbftMessage> Signed<T> sign(T body, KeyPair key, String chainId) {
        return new Signed<>(body, key.publicKey(), key.sign(body.signingBytes(chainId)));
    }

    public boolean verify(String chainId, SignatureVerifier verifier) {
        return verifier.verify(signer, body.signingBytes(chainId), signature);
    }

    /** Encoding inside another message, where the kind is known: body, signer, signature. */
    public void writeNested(CanonicalWriter w) {
        body.write(w);
        signer.write(w);
        signature.write(w);
    }

    /** Top-level wire encoding: type tag, then the nested encoding. */
    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(256);
        w.u8(body.type().tag());
        writeNested(w);
        return w.toByteArray();
    }
}
