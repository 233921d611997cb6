package io.mutualchain.core.block;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Signature;

/** One validator's signature in a certificate. */
public record ValidatorSignature(PublicKey validator, Signature signature) {
    public void write(CanonicalWriter w) {
        validator.write(w);
        signature.write(w);
    }

    public static ValidatorSignature read(CanonicalReader r) {
        return new ValidatorSignature(PublicKey.read(r, "cert.validator"), Signature.read(r, "cert.signature"));
    }
}
