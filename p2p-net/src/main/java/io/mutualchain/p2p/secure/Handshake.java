package io.mutualchain.p2p.secure;

import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.Ed25519;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.p2p.AllowList;
import io.mutualchain.p2p.HandshakeInfo;
import io.mutualchain.p2p.RefusalReason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * One connection's authenticated key exchange, as a pure state machine (no I/O, no threads):
 *
 * <ol>
 *   <li>Both ends send a {@link #HELLO_BYTES}-byte hello in clear: {@link #MAGIC} and a fresh X25519 ephemeral key.</li>
 *   <li>Both compute the X25519 shared secret (refusing an all-zero result: a low-order point), the
 *       transcript hash SHA-256(label, initiator hello, responder hello), and one AES-256-GCM key per
 *       direction ({@link SessionKeys}).</li>
 *   <li>Both send an {@link AuthMessage} as the first encrypted frame. Each verifies the other's:
 *       signature under the claimed key, key on the allow-list, not our own key, the dialled key when
 *       we dialled, then chain id, genesis hash and protocol version.</li>
 * </ol>
 *
 * Forward secrecy comes from the ephemeral keys (zeroed once the session keys exist); identities
 * travel encrypted, so a passive observer learns neither who talks nor what they say.
 */
public final class Handshake {
    public static final byte[] MAGIC = "MCP2P\0\0\1".getBytes(StandardCharsets.US_ASCII);
    public static final int HELLO_BYTES = MAGIC.length + X25519.POINT_SIZE;
    private static final byte[] TRANSCRIPT_LABEL = "mutualchain-p2p/1 transcript".getBytes(StandardCharsets.US_ASCII);

    private final Role role;
    private final KeyPair identity;
    private final HandshakeInfo info;
    private final AllowList allowList;
    private final Optional<PublicKey> expectedPeer;
    private final byte[] ephemeralPrivate = new byte[X25519.SCALAR_SIZE];
    private final byte[] hello = new byte[HELLO_BYTES];
    private byte[] transcriptHash;

    /**
     * @param expectedPeer the key we dialled (initiator), or empty when we accepted the connection
     */
    public Handshake(Role role, KeyPair identity, HandshakeInfo info, Set<PublicKey> allowList,
                     Optional<PublicKey> expectedPeer, SecureRandom random) {
        this(role, identity, info, AllowList.of(allowList), expectedPeer, random);
    }

    /**
     * @param expectedPeer the key we dialled (initiator), or empty when we accepted the connection
     */
    public Handshake(Role role, KeyPair identity, HandshakeInfo info, AllowList allowList,
                     Optional<PublicKey> expectedPeer, SecureRandom random) {
        this.role = Objects.requireNonNull(role);
        this.identity = Objects.requireNonNull(identity);
        this.info = Objects.requireNonNull(info);
        this.allowList = Objects.requireNonNull(allowList);
        this.expectedPeer = Objects.requireNonNull(expectedPeer);
        X25519.generatePrivateKey(random, ephemeralPrivate);
        System.arraycopy(MAGIC, 0, hello, 0, MAGIC.length);
        X25519.generatePublicKey(ephemeralPrivate, 0, hello, MAGIC.length);
    }

    public Role role() {
        return role;
    }

    /** Our hello, to be sent in clear as the very first bytes. */
    public byte[] hello() {
        return hello.clone();
    }

    /** Takes the peer's hello and returns the session keys; our ephemeral secret is erased afterwards. */
    public SessionKeys onPeerHello(byte[] peerHello) throws HandshakeRefused {
        if (transcriptHash != null) {
            throw new IllegalStateException("peer hello already processed");
        }
        if (peerHello.length != HELLO_BYTES || !Arrays.equals(peerHello, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw refused(RefusalReason.BAD_HELLO, "the first bytes are not a MutualChain p2p hello");
        }
        byte[] shared = new byte[X25519.POINT_SIZE];
        boolean contributory = X25519.calculateAgreement(ephemeralPrivate, 0, peerHello, MAGIC.length, shared, 0);
        Arrays.fill(ephemeralPrivate, (byte) 0);
        if (!contributory) {
            throw refused(RefusalReason.WEAK_KEY_EXCHANGE, "the peer's ephemeral key is a low-order point");
        }
        byte[] initiatorHello = role == Role.INITIATOR ? hello : peerHello;
        byte[] responderHello = role == Role.INITIATOR ? peerHello : hello;
        transcriptHash = Sha256.digest(TRANSCRIPT_LABEL, initiatorHello, responderHello);
        SessionKeys keys = SessionKeys.derive(role, shared, transcriptHash);
        Arrays.fill(shared, (byte) 0);
        return keys;
    }

    /** Our signed auth message, to be sent as the first encrypted frame. */
    public byte[] ourAuth() {
        requireKeys();
        return AuthMessage.create(identity, info, role, transcriptHash).encode();
    }

    /** Verifies the peer's decrypted auth message; returns its authenticated key or says why it is refused. */
    public PublicKey acceptPeerAuth(byte[] plaintext) throws HandshakeRefused {
        requireKeys();
        AuthMessage auth;
        try {
            auth = AuthMessage.decode(plaintext);
        } catch (CodecException e) {
            throw refused(RefusalReason.MALFORMED_AUTH, e.getMessage());
        }
        PublicKey peer = auth.identity();
        if (!Ed25519.verify(peer, auth.signingBytes(role.other(), transcriptHash), auth.signature())) {
            throw refused(RefusalReason.BAD_SIGNATURE, "handshake signature of " + peer + " does not verify");
        }
        if (peer.equals(identity.publicKey())) {
            throw refused(RefusalReason.SELF_CONNECTION, "the peer is this node itself");
        }
        if (!allowList.allows(peer)) {
            throw refused(RefusalReason.NOT_ALLOW_LISTED, "key " + peer + " is not on the allow-list");
        }
        if (expectedPeer.isPresent() && !expectedPeer.get().equals(peer)) {
            throw refused(RefusalReason.UNEXPECTED_KEY, "dialled " + expectedPeer.get() + " but " + peer + " answered");
        }
        if (!auth.chainId().equals(info.chainId())) {
            throw refused(RefusalReason.CHAIN_ID_MISMATCH,
                    "chain id mismatch: ours is '" + info.chainId() + "', peer " + peer + " is on '" + auth.chainId() + "'");
        }
        if (!auth.genesisHash().equals(info.genesisHash())) {
            throw refused(RefusalReason.GENESIS_MISMATCH,
                    "genesis hash mismatch: ours is " + info.genesisHash() + ", peer " + peer + " has " + auth.genesisHash());
        }
        if (auth.protocolVersion() != info.protocolVersion()) {
            throw refused(RefusalReason.PROTOCOL_VERSION_MISMATCH,
                    "protocol version mismatch: ours is " + info.protocolVersion() + ", peer " + peer + " speaks " + auth.protocolVersion());
        }
        return peer;
    }

    private void requireKeys() {
        if (transcriptHash == null) {
            throw new IllegalStateException("no session keys yet: the peer's hello has not been processed");
        }
    }

    private static HandshakeRefused refused(RefusalReason reason, String detail) {
        return new HandshakeRefused(new Refusal(reason, detail));
    }
}
