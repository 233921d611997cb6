package io.mutualchain.p2p.secure;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.p2p.HandshakeInfo;

/**
 * The second handshake message, sent encrypted under the fresh session key: who we are, which chain
 * we are on, and an Ed25519 signature by that identity over the transcript hash (both ephemeral
 * keys), our role and every field. The signature ties the long-term identity to this one key
 * exchange; the encryption (an AEAD under a key only the two ends can derive) ties it to the
 * channel, so an active attacker can neither replay it on another connection nor claim it as his.
 */
public record AuthMessage(PublicKey identity, String chainId, Hash32 genesisHash, int protocolVersion, Signature signature) {
    private static final String SIGNING_LABEL = "mutualchain-p2p/1 auth";
    /** Encoded size is far below this; it bounds what we buffer from an unauthenticated peer. */
    public static final int MAX_ENCODED_BYTES = 512;

    static AuthMessage create(io.mutualchain.core.crypto.KeyPair identity, HandshakeInfo info, Role role, byte[] transcriptHash) {
        Signature sig = identity.sign(signingBytes(role, transcriptHash, identity.publicKey(), info.chainId(), info.genesisHash(), info.protocolVersion()));
        return new AuthMessage(identity.publicKey(), info.chainId(), info.genesisHash(), info.protocolVersion(), sig);
    }

    static byte[] signingBytes(Role signerRole, byte[] transcriptHash, PublicKey identity, String chainId, Hash32 genesis, int version) {
        CanonicalWriter w = new CanonicalWriter(256);
        w.string(SIGNING_LABEL).u8(signerRole.code()).fixed(transcriptHash);
        identity.write(w);
        w.string(chainId);
        genesis.write(w);
        w.uint(version);
        return w.toByteArray();
    }

    byte[] signingBytes(Role signerRole, byte[] transcriptHash) {
        return signingBytes(signerRole, transcriptHash, identity, chainId, genesisHash, protocolVersion);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(256);
        identity.write(w);
        w.string(chainId);
        genesisHash.write(w);
        w.uint(protocolVersion);
        signature.write(w);
        return w.toByteArray();
    }

    /** Strict decode; throws {@link io.mutualchain.core.codec.CodecException} on anything else. */
    public static AuthMessage decode(byte[] bytes) {
        return Decoding.strict(bytes, "p2p auth", AuthMessage::read);
    }

    private static AuthMessage read(CanonicalReader r) {
        PublicKey key = PublicKey.read(r, "identity");
        String chainId = r.string("chain id", HandshakeInfo.CHAIN_ID_MAX_BYTES);
        Hash32 genesis = Hash32.read(r, "genesis hash");
        int version = r.uintAsInt("protocol version", Integer.MAX_VALUE);
        Signature sig = Signature.read(r, "signature");
        return new AuthMessage(key, chainId, genesis, version, sig);
    }
}
