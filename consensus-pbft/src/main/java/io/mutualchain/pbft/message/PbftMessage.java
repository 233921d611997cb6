package io.mutualchain.pbft.message;

import io.mutualchain.core.codec.CanonicalWriter;
import java.nio.charset.StandardCharsets;

/** One PBFT protocol message body. The set is closed: the codec and the engine switch over it exhaustively. */
public sealed interface PbftMessage permits PrePrepare, PrePrepareDigest, Prepare, Commit, Checkpoint, ViewChange, NewView {
    /** Domain tag of every non-commit signature. */
    byte[] SIGN_TAG = "MC-PBFT-V1".getBytes(StandardCharsets.US_ASCII);

    MessageType type();

    /** Appends the canonical body encoding (without the type tag). */
    void write(CanonicalWriter w);

    /** The bytes the sender signs: domain-separated by chain id and message type. */
    default byte[] signingBytes(String chainId) {
        CanonicalWriter w = new CanonicalWriter(128);
        w.fixed(SIGN_TAG);
        w.string(chainId);
        w.u8(type().tag());
        writeSigned(w);
        return w.toByteArray();
    }

    /** The part of the body the signature covers; by default the whole body. */
    default void writeSigned(CanonicalWriter w) {
        write(w);
    }
}
