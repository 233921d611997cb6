package io.mutualchain.p2p;

/**
 * Why a connection was refused before it became a link. Counted per reason in {@link P2pStats} so
 * that operators and tests can tell a misconfigured chain from an attack from a network blip.
 */
public enum RefusalReason {
    /** The first bytes were not our protocol's hello (a port scanner, HTTP client or garbage). */
    BAD_HELLO,
    /** The peer's ephemeral key was a low-order point: the key exchange would not be secret. */
    WEAK_KEY_EXCHANGE,
    /** The handshake frame did not decrypt or did not decode. */
    MALFORMED_AUTH,
    /** The handshake signature does not verify against the key the peer claims. */
    BAD_SIGNATURE,
    /** The peer's key is not on the allow-list. */
    NOT_ALLOW_LISTED,
    /** We dialled an address expecting one key and another key answered. */
    UNEXPECTED_KEY,
    /** The peer is ourselves (our own address in the peer list, or a reflected connection). */
    SELF_CONNECTION,
    CHAIN_ID_MISMATCH,
    GENESIS_MISMATCH,
    PROTOCOL_VERSION_MISMATCH,
    /** The peer is serving a ban for misbehaviour. */
    BANNED,
    /** A second connection to an already linked peer lost the deterministic tie-break. */
    DUPLICATE_CONNECTION,
    /** The handshake did not finish within the configured timeout. */
    HANDSHAKE_TIMEOUT,
    /** Too many unauthenticated connections were already in their handshake. */
    TOO_MANY_PENDING_HANDSHAKES,
    /** The peer sent a frame larger than allowed during the handshake, or broke framing. */
    BAD_FRAME
}
